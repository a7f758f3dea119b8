package io.newsstream.tag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, for every lexicon hit of an article (title and text together), whether it is a
 * country, a place, or neither. Plain names count at once; names flagged {@code ambiguous} are
 * scored against context cues (rules/context-cues.tsv), other names of the same country in the
 * article, nearby places, and person-name contexts; {@code lang} demonyms count unless used as a
 * language; {@code context} names count only when the country is named elsewhere; places flagged
 * {@code ambiguous} need support (a dateline, their country named, another place of theirs).
 */
final class CountryResolver {

    private static final int ACCEPT = 100;
    private static final int EVIDENCE_ROLES = 1 << Role.COUNTRY.ordinal() | 1 << Role.PLACE.ordinal()
            | 1 << Role.CUE.ordinal();
    private static final int NEAR_WINDOW = 8;
    private static final int NAMED_ELSEWHERE = 3;
    private static final int PLACE_ELSEWHERE = 2;
    private static final int OTHER_READING_SUPPORTED = -2;
    private static final int PERSON_CONTEXT = -4;
    private static final int LISTED_WITH_COUNTRY = 3;

    private final Lexicon lexicon;
    private final LanguageUse language;
    /** Standing bias by country code, and by code + TAB + surface for surface-specific rows. */
    private final Map<String, Integer> priors;

    CountryResolver(Lexicon lexicon, List<Rules.Cue> cues) {
        this.lexicon = lexicon;
        this.language = new LanguageUse(lexicon);
        Map<String, Integer> map = new HashMap<>();
        for (Rules.Cue cue : cues) {
            if (cue.scope() != CueScope.PRIOR) {
                continue;
            }
            if (cue.words().isEmpty()) {
                map.merge(cue.code(), cue.weight(), Integer::sum);
            }
            for (String surface : cue.words()) {
                map.merge(cue.code() + '\t' + surface, cue.weight(), Integer::sum);
            }
        }
        this.priors = Map.copyOf(map);
    }

    /** What the whole article says, gathered before any ambiguous name is decided. */
    private static final class Evidence {
        final Set<String> named = new HashSet<>();
        final Set<String> accepted = new HashSet<>();
        final Set<String> placeCountries = new HashSet<>();
        final Set<String> datelineCountries = new HashSet<>();
        final Set<Entry> articleCues = new HashSet<>();
        final Map<String, Integer> cueScore = new HashMap<>();
    }

    void resolve(List<Doc> docs) {
        Evidence evidence = collect(docs);
        for (Doc doc : docs) {
            for (int h = 0; h < doc.hits.count; h++) {
                decideCountry(doc, h, evidence);
            }
        }
        for (Doc doc : docs) {
            for (int h = 0; h < doc.hits.count; h++) {
                if (doc.chosen[h] == null) {
                    decideContextName(doc, h, evidence);
                }
            }
        }
        for (Doc doc : docs) {
            for (int h = 0; h < doc.hits.count; h++) {
                if (doc.chosen[h] == null) {
                    decidePlace(doc, h, evidence);
                }
            }
        }
    }

    private Evidence collect(List<Doc> docs) {
        Evidence ev = new Evidence();
        for (Doc doc : docs) {
            Hits hits = doc.hits;
            for (int h = 0; h < hits.count; h++) {
                if ((hits.roles[h] & EVIDENCE_ROLES) == 0) {
                    continue;
                }
                boolean hasCountry = false;
                for (int q = hits.entryFrom[h]; q < hits.entryTo[h]; q++) {
                    Entry e = lexicon.entry(hits.entries[q]);
                    if (e.role() == Role.COUNTRY) {
                        hasCountry = true;
                        if (plain(e) && !e.has(Entry.F_SUBNATIONAL) && e.kind() != MentionKind.METONYM) {
                            ev.named.add(e.code());
                        }
                    } else if (e.role() == Role.CUE && e.scope() == CueScope.ARTICLE && ev.articleCues.add(e)) {
                        ev.cueScore.merge(e.code(), e.weight(), Integer::sum);
                    }
                }
                for (int q = hits.entryFrom[h]; q < hits.entryTo[h]; q++) {
                    Entry e = lexicon.entry(hits.entries[q]);
                    if (e.role() == Role.PLACE && !hasCountry && !e.has(Entry.F_AMBIGUOUS)) {
                        ev.placeCountries.add(e.code());
                    }
                    if (e.role() == Role.PLACE && doc.datelineAt(hits.firstToken[h], hits.lastToken[h])) {
                        ev.datelineCountries.add(e.code());
                    }
                }
            }
        }
        return ev;
    }

    private static boolean plain(Entry e) {
        return !e.has(Entry.F_AMBIGUOUS) && !e.has(Entry.F_LANGUAGE) && !e.has(Entry.F_CONTEXT);
    }

    private void decideCountry(Doc doc, int h, Evidence ev) {
        Hits hits = doc.hits;
        if (!doc.hasRole(lexicon, h, Role.COUNTRY)) {
            return;
        }
        Entry best = null;
        int bestScore = 0;
        for (int q = hits.entryFrom[h]; q < hits.entryTo[h]; q++) {
            Entry e = lexicon.entry(hits.entries[q]);
            if (e.role() != Role.COUNTRY || e.has(Entry.F_CONTEXT)) {
                continue;
            }
            if (building(e) && !followedByVerb(doc, h) || numbered(doc, h) || ticker(doc, h)) {
                // "the Kremlin said" stands for the state; "at the White House" is a building,
                // "US-50" a road.
                continue;
            }
            int score;
            if (e.has(Entry.F_LANGUAGE) && language.isLanguage(doc, h)) {
                score = 0;
            } else if (!e.has(Entry.F_AMBIGUOUS)) {
                score = ACCEPT;
            } else {
                score = ambiguityScore(doc, h, e, ev);
            }
            if (score > bestScore) {
                best = e;
                bestScore = score;
            }
        }
        if (best != null) {
            doc.chosen[h] = best;
            if (!best.has(Entry.F_SUBNATIONAL)) {
                ev.accepted.add(best.code());
            }
        }
    }

    private void decideContextName(Doc doc, int h, Evidence ev) {
        if (!doc.hasRole(lexicon, h, Role.COUNTRY)) {
            return;
        }
        for (int q = doc.hits.entryFrom[h]; q < doc.hits.entryTo[h]; q++) {
            Entry e = lexicon.entry(doc.hits.entries[q]);
            if (e.role() == Role.COUNTRY && e.has(Entry.F_CONTEXT)
                    && (ev.accepted.contains(e.code()) || ev.named.contains(e.code()))
                    && (!building(e) || followedByVerb(doc, h))) {
                doc.chosen[h] = e;
                return;
            }
        }
    }

    private void decidePlace(Doc doc, int h, Evidence ev) {
        Hits hits = doc.hits;
        if (!doc.hasRole(lexicon, h, Role.PLACE)) {
            return;
        }
        boolean dateline = doc.datelineAt(hits.firstToken[h], hits.lastToken[h]);
        Entry best = null;
        int bestRank = -1;
        for (int q = hits.entryFrom[h]; q < hits.entryTo[h]; q++) {
            Entry e = lexicon.entry(hits.entries[q]);
            if (e.role() != Role.PLACE) {
                continue;
            }
            String code = e.code();
            boolean countryNamed = ev.accepted.contains(code) || ev.named.contains(code);
            boolean supported = !e.has(Entry.F_AMBIGUOUS) || dateline || countryNamed
                    || ev.placeCountries.contains(code) || ev.datelineCountries.contains(code);
            if (!supported) {
                continue;
            }
            int rank = (countryNamed ? 8 : 0) + (ev.datelineCountries.contains(code) ? 4 : 0)
                    + (ev.placeCountries.contains(code) ? 2 : 0) + (e.has(Entry.F_CAPITAL) ? 1 : 0);
            if (rank > bestRank) {
                best = e;
                bestRank = rank;
            }
        }
        doc.chosen[h] = best;
    }

    /** Positive: read the ambiguous name as this country. */
    private int ambiguityScore(Doc doc, int h, Entry e, Evidence ev) {
        String code = e.code();
        int score = priors.getOrDefault(code, 0) + priors.getOrDefault(code + '\t' + e.surface(), 0)
                + ev.cueScore.getOrDefault(code, 0);
        if (ev.named.contains(code)) {
            score += NAMED_ELSEWHERE;
        }
        if (ev.placeCountries.contains(code) || ev.datelineCountries.contains(code)) {
            score += PLACE_ELSEWHERE;
        }
        if (otherReadingSupported(doc, h, code, ev)) {
            score += OTHER_READING_SUPPORTED;
        }
        score += localCues(doc, h, code);
        if (listedWithCountry(doc, h)) {
            score += LISTED_WITH_COUNTRY;
        }
        if (personContext(doc, h)) {
            score += PERSON_CONTEXT;
        }
        return score;
    }

    /**
     * "Turkey, Morocco and Jordan", "Jordan and Sudan": the name is coordinated with a country
     * named unambiguously (only a comma, "and" or "or" in between).
     */
    private boolean listedWithCountry(Doc doc, int h) {
        Hits hits = doc.hits;
        for (int o : new int[] {h - 1, h + 1, h - 2, h + 2}) {
            if (o < 0 || o >= hits.count || !plainCountryHit(doc, o)) {
                continue;
            }
            int from = o < h ? hits.end[o] : hits.end[h];
            int to = o < h ? hits.start[h] : hits.start[o];
            if (onlyListGlue(doc, from, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean plainCountryHit(Doc doc, int o) {
        for (int q = doc.hits.entryFrom[o]; q < doc.hits.entryTo[o]; q++) {
            Entry e = lexicon.entry(doc.hits.entries[q]);
            if (e.role() == Role.COUNTRY && plain(e) && e.kind() != MentionKind.METONYM) {
                return true;
            }
        }
        return false;
    }

    /** Between two list items: spaces and at most one comma, "and" or "or" (or ", and"). */
    private static boolean onlyListGlue(Doc doc, int from, int to) {
        if (to - from > 6) {
            return false;
        }
        int i = from;
        while (i < to && (doc.folded[i] == ' ' || doc.folded[i] == ',')) {
            i++;
        }
        if (i < to && (doc.wordAt(i, "and") || doc.wordAt(i, "or"))) {
            i += doc.folded[i] == 'a' ? 3 : 2;
        }
        while (i < to && doc.folded[i] == ' ') {
            i++;
        }
        return i == to && to > from;
    }

    /** The same surface is also a place of another country that the article is about. */
    private boolean otherReadingSupported(Doc doc, int h, String code, Evidence ev) {
        for (int q = doc.hits.entryFrom[h]; q < doc.hits.entryTo[h]; q++) {
            Entry e = lexicon.entry(doc.hits.entries[q]);
            if (e.role() == Role.PLACE && !e.code().equals(code)
                    && (ev.placeCountries.contains(e.code()) || ev.named.contains(e.code()))) {
                return true;
            }
        }
        return false;
    }

    private int localCues(Doc doc, int h, String code) {
        Hits hits = doc.hits;
        int score = 0;
        int before = doc.hitBefore(h);
        int after = doc.hitAfter(h);
        int from = Math.max(0, h - NEAR_WINDOW);
        int to = Math.min(hits.count, h + NEAR_WINDOW + 1);
        for (int o = from; o < to; o++) {
            if (o == h) {
                continue;
            }
            int distance = o < h ? hits.firstToken[h] - hits.lastToken[o] : hits.firstToken[o] - hits.lastToken[h];
            if (!doc.hasRole(lexicon, o, Role.CUE)) {
                continue;
            }
            for (int q = hits.entryFrom[o]; q < hits.entryTo[o]; q++) {
                Entry cue = lexicon.entry(hits.entries[q]);
                if (cue.role() != Role.CUE || !(code.equals(cue.code()) || "*".equals(cue.code()))) {
                    continue;
                }
                boolean applies = switch (cue.scope()) {
                    case NEAR -> distance <= NEAR_WINDOW;
                    case PREV -> o == before;
                    case NEXT -> o == after;
                    default -> false;
                };
                if (applies) {
                    score += cue.weight();
                }
            }
        }
        return score;
    }

    /**
     * "Michael Jordan", "Chad Smith", "Mr. Jordan": a capitalised word joined to the name on
     * either side that is not itself a known name or function word, or a title right before it.
     */
    private boolean personContext(Doc doc, int h) {
        Hits hits = doc.hits;
        int first = hits.firstToken[h];
        int next = hits.lastToken[h];
        if (doc.has(first, Doc.CAPS_LINE) || doc.has(first, Doc.TITLE_CASE)) {
            return false;
        }
        int before = doc.hitBefore(h);
        if (before >= 0 && (doc.hasRole(lexicon, before, Role.TITLE)
                || doc.hasRole(lexicon, before, Role.FIRST_NAME) && doc.has(first, Doc.JOINED_LEFT))) {
            return true;
        }
        if (first > 0 && doc.has(first, Doc.JOINED_LEFT) && doc.has(first - 1, Doc.CAPITALISED)
                && !doc.has(first - 1, Doc.SENTENCE_START) && doc.ownerHit(first - 1) < 0) {
            return true;
        }
        return next < doc.tokenCount && doc.has(next, Doc.JOINED_LEFT) && doc.has(next, Doc.CAPITALISED)
                && !doc.has(next, Doc.ALL_CAPS) && doc.ownerHit(next) < 0;
    }

    /**
     * A metonym that is a seat of government ("Kremlin", "White House", "Washington"), as opposed
     * to an epithet the knowledge base writes with its article ("the Jewish state", "the Islamic
     * Republic"): it stands for the state only as the subject of a reporting verb.
     */
    private static boolean building(Entry e) {
        return e.kind() == MentionKind.METONYM && !e.surface().regionMatches(true, 0, "the ", 0, 4);
    }

    /** A stock ticker in angle brackets, as newswires write them: "<ROK>", "<BRIT.T>". */
    private static boolean ticker(Doc doc, int h) {
        int start = doc.hits.start[h];
        return start > 0 && doc.folded[start - 1] == '<';
    }

    /** A road or route number follows: "US-50". */
    private static boolean numbered(Doc doc, int h) {
        int end = doc.hits.end[h];
        return end + 1 < doc.length() && doc.folded[end] == '-' && doc.folded[end + 1] >= '0' && doc.folded[end + 1] <= '9';
    }

    private boolean followedByVerb(Doc doc, int h) {
        int after = doc.hitAfter(h);
        return after >= 0 && doc.hasRole(lexicon, after, Role.REPORT_VERB);
    }
}
