package io.newsstream.tag;

import java.util.Set;

/**
 * Organisations: names listed in the knowledge base (kind KNOWN), and capitalised phrases ending
 * in a head word from rules/org-heads.tsv ("Stockholm International Peace Research Institute",
 * "Foreign Ministry"), optionally with an "of ..." complement ("Ministry of Foreign Affairs")
 * (kind SUFFIX). Countries and places inside the name are not mentions of their own, except that
 * a country in front of or after a government body ("Israeli Foreign Ministry", "Ministry of
 * Foreign Affairs of Azerbaijan") stays a country mention and becomes the organisation's country.
 * Heads flagged {@code other} end names that are neither ("American Recovery and Reinvestment
 * Act", "Baku Road", "Swedish Bakery"): nothing inside them is tagged.
 */
final class OrganizationFinder {

    private static final int MAX_MODIFIERS = 6;
    private static final int MAX_COMPLEMENT = 6;
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "on", "&");

    private final Lexicon lexicon;
    private final StateBodies stateBodies;

    OrganizationFinder(Lexicon lexicon, StateBodies stateBodies) {
        this.lexicon = lexicon;
        this.stateBodies = stateBodies;
    }

    void find(Doc doc, NameSpans spans) {
        Hits hits = doc.hits;
        for (int h = 0; h < hits.count; h++) {
            if (!spans.free(hits.firstToken[h], hits.lastToken[h])) {
                continue;
            }
            Entry known = doc.entry(lexicon, h, Role.ORGANIZATION);
            if (known != null && doc.chosen[h] == null) {
                StateBodies.Split split = stateBodies.split(known);
                if (split == null || !splitKnown(doc, spans, h, known, split)) {
                    spans.add(doc, EntityKind.ORGANIZATION, hits.start[h], hits.end[h], hits.firstToken[h],
                            hits.lastToken[h], known.id(), known.code(), MentionKind.KNOWN);
                }
                continue;
            }
            Entry head = doc.entry(lexicon, h, Role.ORG_HEAD);
            if (head != null && doc.chosen[h] == null && doc.has(hits.firstToken[h], Doc.CAPITALISED)) {
                headed(doc, spans, h, head);
            }
        }
    }

    /** "U.S. Navy": a COUNTRY mention for "U.S." and the organisation for "Navy". */
    private static boolean splitKnown(Doc doc, NameSpans spans, int h, Entry known, StateBodies.Split split) {
        Hits hits = doc.hits;
        int first = hits.firstToken[h];
        int last = hits.lastToken[h];
        Entry country = split.country();
        if (split.leading()) {
            int end = doc.matchEnd(hits.start[h], split.countryKey());
            int next = end < 0 ? last : doc.tokenAtOrAfter(end);
            if (next <= first || next >= last) {
                return false;
            }
            spans.add(doc, EntityKind.COUNTRY, hits.start[h], end, first, next, country.code(), country.code(),
                    country.kind());
            spans.add(doc, EntityKind.ORGANIZATION, doc.tokenStart[next], hits.end[h], next, last, known.id(),
                    known.code(), MentionKind.KNOWN);
            return true;
        }
        for (int t = last - 1; t > first; t--) {
            if (doc.matchEnd(doc.tokenStart[t], split.countryKey()) == hits.end[h]) {
                int ofEnd = t - 1;
                while (ofEnd > first && !doc.has(ofEnd, Doc.CAPITALISED)) {
                    ofEnd--;
                }
                spans.add(doc, EntityKind.ORGANIZATION, hits.start[h], doc.tokenEnd[ofEnd], first, ofEnd + 1,
                        known.id(), known.code(), MentionKind.KNOWN);
                spans.add(doc, EntityKind.COUNTRY, doc.tokenStart[t], hits.end[h], t, last, country.code(),
                        country.code(), country.kind());
                return true;
            }
        }
        return false;
    }

    private void headed(Doc doc, NameSpans spans, int h, Entry head) {
        Hits hits = doc.hits;
        boolean government = head.has(Entry.F_GOVERNMENT);
        int first = hits.firstToken[h];
        if (continuesName(doc, hits.lastToken[h] - 1)) {
            // "General Motors Corp", "... International Peace Research Institute": a later head ends the name.
            return;
        }
        int from = first;
        while (from > 0 && first - from < MAX_MODIFIERS && doc.connected(from - 1) && modifier(doc, spans, from - 1)) {
            from--;
        }
        while (from < first && connector(doc, from)) {
            from++;
        }
        String country = null;
        if (government) {
            // "Israeli Foreign Ministry": the demonym names the country, the body is "Foreign Ministry".
            while (from < first) {
                int hit = doc.tokenHit[from];
                Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
                if (chosen == null || chosen.role() != Role.COUNTRY) {
                    break;
                }
                country = chosen.code();
                from = hits.lastToken[hit];
            }
        }
        int to = hits.lastToken[h];
        if (head.has(Entry.F_OF)) {
            to = complement(doc, spans, to, government);
        }
        if (from == first && to == hits.lastToken[h]) {
            return;
        }
        if (!spans.free(from, to)) {
            return;
        }
        if (head.has(Entry.F_OTHER)) {
            spans.hide(from, to);
            return;
        }
        if (country == null) {
            country = government ? possessiveCountry(doc, from) : null;
        }
        if (country == null) {
            country = containedCountry(doc, from, to);
        }
        if (country == null && government && to < doc.tokenCount) {
            country = trailingCountry(doc, to);
        }
        spans.add(doc, EntityKind.ORGANIZATION, from, to, doc.span(from, to), country, MentionKind.SUFFIX);
    }

    /** The name runs on after this token: a joined capitalised word that is not a function word follows. */
    private boolean continuesName(Doc doc, int token) {
        int next = token + 1;
        if (next >= doc.tokenCount || !doc.connected(token) || doc.has(token, Doc.POSSESSIVE)
                || !doc.has(next, Doc.CAPITALISED) || doc.has(next, Doc.SENTENCE_START)) {
            return false;
        }
        int hit = doc.ownerHit(next);
        return hit < 0 || !(doc.hasRole(lexicon, hit, Role.NON_NAME) || doc.hasRole(lexicon, hit, Role.TITLE)
                || doc.hasRole(lexicon, hit, Role.REPORT_VERB));
    }

    /** A capitalised word (or an inner connector) that can stand in an organisation's name. */
    private boolean modifier(Doc doc, NameSpans spans, int token) {
        if (spans.taken[token] || doc.has(token, Doc.POSSESSIVE)) {
            return false;
        }
        if (connector(doc, token)) {
            // "Bank of America Corp" but not "Shares of Azerbaijan Shipping Co" at a sentence start.
            int before = token - 1;
            return before >= 0 && doc.has(before, Doc.CAPITALISED) && (!doc.has(before, Doc.SENTENCE_START)
                    || doc.ownerHit(before) >= 0 && doc.hasRole(lexicon, doc.ownerHit(before), Role.ORG_HEAD));
        }
        int hit = doc.ownerHit(token);
        if (hit >= 0 && (doc.hasRole(lexicon, hit, Role.TITLE) || doc.hasRole(lexicon, hit, Role.REPORT_VERB))) {
            return false;
        }
        if (hit >= 0 && doc.hasRole(lexicon, hit, Role.NON_NAME) && doc.has(token, Doc.SENTENCE_START)) {
            // "In Baku ...": a capitalised function word only opens a name in mid-sentence ("The Hague").
            return false;
        }
        return doc.has(token, Doc.CAPITALISED);
    }

    private static boolean connector(Doc doc, int token) {
        if (doc.has(token, Doc.CAPITALISED)) {
            return false;
        }
        int s = doc.tokenStart[token];
        for (String word : CONNECTORS) {
            if (doc.wordAt(s, word)) {
                return true;
            }
        }
        return false;
    }

    /** "of Foreign Affairs": capitalised words after "of", stopping before a country for government bodies. */
    private int complement(Doc doc, NameSpans spans, int after, boolean government) {
        if (after + 1 >= doc.tokenCount || !doc.wordAt(doc.tokenStart[after], "of")
                || doc.has(after, Doc.CAPITALISED) || !doc.connected(after - 1) || !doc.connected(after)) {
            return after;
        }
        int end = after;
        int t = after + 1;
        while (t < doc.tokenCount && t - after <= MAX_COMPLEMENT && !spans.taken[t]) {
            int hit = doc.tokenHit[t];
            Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
            if (government && chosen != null && chosen.role() == Role.COUNTRY || stopsName(doc, hit)) {
                break;
            }
            if (doc.has(t, Doc.CAPITALISED)) {
                end = t + 1;
            } else if (!connector(doc, t)) {
                break;
            }
            if (!doc.connected(t)) {
                break;
            }
            t++;
        }
        return end;
    }

    /** A title or reporting verb ends an "of ..." complement ("Congress of Sri Lankan President X"). */
    private boolean stopsName(Doc doc, int hit) {
        return hit >= 0 && (doc.hasRole(lexicon, hit, Role.TITLE) || doc.hasRole(lexicon, hit, Role.REPORT_VERB));
    }

    private String possessiveCountry(Doc doc, int from) {
        int prev = from - 1;
        if (prev < 0 || !doc.has(prev, Doc.POSSESSIVE)) {
            return null;
        }
        int hit = doc.ownerHit(prev);
        Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
        return chosen != null && chosen.role() == Role.COUNTRY && !chosen.has(Entry.F_HISTORICAL) ? chosen.code() : null;
    }

    private String trailingCountry(Doc doc, int to) {
        if (to + 1 >= doc.tokenCount || !doc.wordAt(doc.tokenStart[to], "of")) {
            return null;
        }
        int hit = doc.tokenHit[to + 1];
        Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
        return chosen != null && chosen.role() == Role.COUNTRY && !chosen.has(Entry.F_HISTORICAL) ? chosen.code() : null;
    }

    private static String containedCountry(Doc doc, int from, int to) {
        for (int t = from; t < to; t++) {
            int hit = doc.tokenHit[t];
            Entry chosen = hit >= 0 ? doc.chosen[hit] : null;
            if (chosen != null && !chosen.has(Entry.F_HISTORICAL)) {
                return chosen.code();
            }
        }
        return null;
    }
}
