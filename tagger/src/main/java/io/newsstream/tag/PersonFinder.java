package io.newsstream.tag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * People: capitalised names after a title or role ("Deputy Foreign Minister Fariz Rzayev",
 * "Mr. Herzog"), after a common given name ("Chad Smith"), or next to a reporting verb ("Anna
 * Lee said", "said Anna Lee") — all kind CUE; then, once a full name is known, its surname alone
 * elsewhere in the article (kind COREFERENCE, same id). A person's country comes from a country
 * name or demonym right before the title ("Azeri Deputy Foreign Minister"), a possessive
 * ("Israel's President") or an "of" phrase after it ("President of Azerbaijan Ilham Aliyev").
 */
final class PersonFinder {

    private static final int MAX_NAME_TOKENS = 4;
    private static final int MIN_SAID_TOKENS = 2;
    private static final int MAX_SAID_TOKENS = 3;

    /** Roles of words that cannot be part of a person's name. */
    private static final int NOT_IN_NAMES = 1 << Role.NON_NAME.ordinal() | 1 << Role.TITLE.ordinal()
            | 1 << Role.ORG_HEAD.ordinal() | 1 << Role.REPORT_VERB.ordinal() | 1 << Role.ORGANIZATION.ordinal();

    private final Lexicon lexicon;
    private final Set<String> particles;

    PersonFinder(Lexicon lexicon, List<String> particles) {
        this.lexicon = lexicon;
        this.particles = Set.copyOf(particles);
    }

    /** Full names found so far in the article, by surname; a surname shared by two people maps to null. */
    static final class People {
        final Map<String, Mention> bySurname = new HashMap<>();
        final Set<String> fullNames = new HashSet<>();

        void add(Mention person) {
            String id = person.id();
            int space = id.lastIndexOf(' ');
            if (space < 0 || !fullNames.add(id)) {
                return;
            }
            String surname = id.substring(space + 1);
            if (bySurname.containsKey(surname)) {
                Mention other = bySurname.get(surname);
                if (other != null && !other.id().equals(id)) {
                    bySurname.put(surname, null);
                }
            } else {
                bySurname.put(surname, person);
            }
        }
    }

    /** First pass: names with a cue. */
    void find(Doc doc, NameSpans spans, People people) {
        Hits hits = doc.hits;
        for (int h = 0; h < hits.count; h++) {
            if (!spans.free(hits.firstToken[h], hits.lastToken[h])) {
                continue;
            }
            if (doc.hasRole(lexicon, h, Role.TITLE)) {
                afterTitle(doc, spans, people, h);
            } else if (doc.hasRole(lexicon, h, Role.FIRST_NAME) && !plainCountry(doc, h)) {
                afterFirstName(doc, spans, people, h);
            }
        }
        for (int h = 0; h < hits.count; h++) {
            if (doc.hasRole(lexicon, h, Role.REPORT_VERB) && doc.has(hits.firstToken[h], Doc.LOWER)) {
                aroundVerb(doc, spans, people, h);
            }
        }
    }

    /** Second pass, after every string of the article went through {@link #find}: surnames alone. */
    void resolveShortForms(Doc doc, NameSpans spans, People people) {
        for (int i = 0; i < spans.mentions.size(); i++) {
            Mention m = spans.mentions.get(i);
            if (m.type() == EntityKind.PERSON && m.id().indexOf(' ') < 0) {
                Mention full = people.bySurname.get(m.id());
                if (full != null) {
                    spans.mentions.set(i, new Mention(m.type(), m.text(), m.start(), m.end(), full.id(),
                            m.country() != null ? m.country() : full.country(), m.kind()));
                }
            }
        }
        for (int t = 0; t < doc.tokenCount && !people.bySurname.isEmpty(); t++) {
            if (spans.taken[t] || !doc.has(t, Doc.CAPITALISED) || doc.has(t, Doc.ALL_CAPS)) {
                continue;
            }
            Mention full = people.bySurname.get(doc.text.substring(doc.tokenStart[t], doc.tokenEnd[t]));
            if (full == null || (t > 0 && doc.connected(t - 1) && nameToken(doc, spans, t - 1))
                    || (doc.connected(t) && nameToken(doc, spans, t + 1))) {
                continue;
            }
            int hit = doc.ownerHit(t);
            if (hit >= 0 && (doc.hits.lastToken[hit] != t + 1 || !overridable(doc.chosen[hit]))) {
                continue;
            }
            spans.add(doc, EntityKind.PERSON, t, t + 1, full.id(), full.country(), MentionKind.COREFERENCE);
        }
    }

    private static boolean overridable(Entry chosen) {
        return chosen == null || chosen.has(Entry.F_AMBIGUOUS) || chosen.has(Entry.F_LANGUAGE)
                || chosen.role() == Role.PLACE;
    }

    private void afterTitle(Doc doc, NameSpans spans, People people, int h) {
        Hits hits = doc.hits;
        int t = hits.lastToken[h];
        String ofCountry = null;
        if (t + 1 < doc.tokenCount && (doc.wordAt(doc.tokenStart[t], "of") || doc.wordAt(doc.tokenStart[t], "to"))
                && doc.has(t, Doc.LOWER)) {
            int hit = doc.tokenHit[t + 1];
            Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
            if (chosen != null && chosen.role() == Role.COUNTRY) {
                ofCountry = doc.wordAt(doc.tokenStart[t], "of") ? modern(chosen) : null;
                t = hits.lastToken[hit];
            }
        } else if (!doc.connected(t - 1)) {
            return;
        }
        int end = nameEnd(doc, spans, t);
        if (end <= t) {
            return;
        }
        String country = countryBefore(doc, hits.firstToken[h]);
        if (country == null) {
            country = ofCountry;
        }
        addPerson(doc, spans, people, t, end, country, MentionKind.CUE);
    }

    private void afterFirstName(Doc doc, NameSpans spans, People people, int h) {
        int first = doc.hits.firstToken[h];
        if (doc.hits.lastToken[h] != first + 1 || !doc.has(first, Doc.CAPITALISED) || doc.has(first, Doc.ALL_CAPS)
                || !doc.connected(first)) {
            return;
        }
        int end = nameEnd(doc, spans, first + 1);
        if (end <= first + 1 || end - first > 3) {
            return;
        }
        addPerson(doc, spans, people, first, end, countryBefore(doc, first), MentionKind.CUE);
    }

    /** "Anna Lee said" and "said Anna Lee". */
    private void aroundVerb(Doc doc, NameSpans spans, People people, int h) {
        int verb = doc.hits.firstToken[h];
        int from = verb;
        while (from > 0 && verb - from < MAX_SAID_TOKENS && doc.connected(from - 1) && nameToken(doc, spans, from - 1)
                && !namedPlace(doc, from - 1)) {
            from--;
        }
        if (from > 0 && doc.connected(from - 1) && nameToken(doc, spans, from - 1)) {
            from = verb;
        }
        if (verb - from >= MIN_SAID_TOKENS && doc.connected(verb - 1) && spans.free(from, verb)) {
            addPerson(doc, spans, people, from, verb, countryBefore(doc, from), MentionKind.CUE);
            return;
        }
        int after = doc.hits.lastToken[h];
        if (after >= doc.tokenCount || !doc.connected(after - 1)) {
            return;
        }
        int end = after;
        while (end < doc.tokenCount && end - after < MAX_SAID_TOKENS && nameToken(doc, spans, end)
                && !namedPlace(doc, end) && (end == after || doc.connected(end - 1))) {
            end++;
        }
        boolean runsOn = end < doc.tokenCount && doc.connected(end - 1) && nameToken(doc, spans, end);
        if (end - after >= MIN_SAID_TOKENS && !runsOn && spans.free(after, end)) {
            addPerson(doc, spans, people, after, end, null, MentionKind.CUE);
        }
    }

    /** End (exclusive) of a name starting at {@code from}: capitalised words, initials and inner particles. */
    private int nameEnd(Doc doc, NameSpans spans, int from) {
        int end = from;
        int t = from;
        while (t < doc.tokenCount && t - from < MAX_NAME_TOKENS) {
            if (nameToken(doc, spans, t) && (t > from || !plainCountryAt(doc, t))) {
                end = t + 1;
            } else if (!(t > from && particle(doc, t))) {
                break;
            }
            if (!doc.connected(t) || doc.has(t, Doc.POSSESSIVE)) {
                break;
            }
            t++;
        }
        // a lone initial is not a name
        if (end == from + 1 && doc.tokenEnd[from] - doc.tokenStart[from] == 1) {
            return from;
        }
        return end;
    }

    private void addPerson(Doc doc, NameSpans spans, People people, int from, int to, String country,
                           MentionKind kind) {
        String id = doc.span(from, to);
        spans.add(doc, EntityKind.PERSON, from, to, id, country, kind);
        people.add(spans.mentions.get(spans.mentions.size() - 1));
    }

    /** A capitalised word that can be part of a person's name. */
    boolean nameToken(Doc doc, NameSpans spans, int t) {
        if (t < 0 || t >= doc.tokenCount || spans.taken[t] || !doc.has(t, Doc.CAPITALISED)) {
            return false;
        }
        if (doc.has(t, Doc.ALL_CAPS) && doc.tokenEnd[t] - doc.tokenStart[t] > 1 && !doc.has(t, Doc.CAPS_LINE)) {
            return false;
        }
        int hit = doc.ownerHit(t);
        return hit < 0 || (doc.hits.roles[hit] & NOT_IN_NAMES) == 0;
    }

    private boolean particle(Doc doc, int t) {
        if (!doc.has(t, Doc.LOWER)) {
            return false;
        }
        String word = doc.text.substring(doc.tokenStart[t], doc.tokenEnd[t]);
        return particles.contains(word) && t + 1 < doc.tokenCount && doc.connected(t);
    }

    /** The token starts a hit resolved to a country by name (not an ambiguous one). */
    private static boolean plainCountryAt(Doc doc, int t) {
        int hit = doc.tokenHit[t];
        Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
        return chosen != null && chosen.role() == Role.COUNTRY && !chosen.has(Entry.F_AMBIGUOUS);
    }

    private static boolean plainCountry(Doc doc, int h) {
        Entry chosen = doc.chosen[h];
        return chosen != null && chosen.role() == Role.COUNTRY && !chosen.has(Entry.F_AMBIGUOUS);
    }

    private static boolean namedPlace(Doc doc, int t) {
        int hit = doc.ownerHit(t);
        return hit >= 0 && doc.chosen[hit] != null;
    }

    /** The country of a name or demonym right before (or a possessive before) a title or name. */
    private String countryBefore(Doc doc, int firstToken) {
        int prev = firstToken - 1;
        if (prev < 0) {
            return null;
        }
        int hit = doc.ownerHit(prev);
        if (hit < 0 || doc.hits.lastToken[hit] != firstToken) {
            return null;
        }
        Entry chosen = doc.chosen[hit];
        if (chosen == null || !(doc.connected(prev) || doc.has(prev, Doc.POSSESSIVE))) {
            return null;
        }
        return chosen.role() == Role.COUNTRY ? modern(chosen) : null;
    }

    private static String modern(Entry chosen) {
        return chosen.has(Entry.F_HISTORICAL) ? null : chosen.code();
    }
}
