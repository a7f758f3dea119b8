package io.newsstream.tag;

/**
 * Whether a demonym that is also a language ("French", "Spanish") is used as the language at a
 * hit: "speaks French", "in Spanish", "French-language", "English translation", and the same
 * in coordinated lists ("in English and Spanish"). The cue words are in rules/language-cues.tsv.
 */
final class LanguageUse {

    private final Lexicon lexicon;

    LanguageUse(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** True when the lang-flagged demonym at hit {@code h} names the language, not the country. */
    boolean isLanguage(Doc doc, int h) {
        return languageUse(doc, doc.hits.firstToken[h], doc.hits.lastToken[h], 0);
    }

    private boolean languageUse(Doc doc, int first, int end, int depth) {
        int before = first > 0 ? doc.ownerHit(first - 1) : -1;
        if (before >= 0 && doc.hits.lastToken[before] == first) {
            Entry cue = doc.entry(lexicon, before, Role.LANGUAGE_BEFORE);
            if (cue != null && (cue.weight() > 1 || !modifiesNoun(doc, end - 1))) {
                return true;
            }
        }
        int after = doc.hitAt(end);
        if (after >= 0 && doc.hasRole(lexicon, after, Role.LANGUAGE_AFTER)) {
            return true;
        }
        if (depth > 0) {
            return false;
        }
        if (first >= 2 && conjunction(doc, first - 1) && doc.has(first - 2, Doc.CAPITALISED)
                && languageUse(doc, first - 2, first - 1, 1)) {
            return true;
        }
        return end + 1 < doc.tokenCount && conjunction(doc, end) && doc.has(end + 1, Doc.CAPITALISED)
                && languageUse(doc, end + 1, end + 2, 1);
    }

    /**
     * "in French waters", "in Russian-American art": the demonym is joined to a following word
     * that is not a function word, so it is an adjective of the country, not the language.
     */
    private boolean modifiesNoun(Doc doc, int last) {
        int next = last + 1;
        if (next >= doc.tokenCount || !doc.connected(last)) {
            return false;
        }
        int hit = doc.tokenHit[next];
        return hit < 0 || !doc.hasRole(lexicon, hit, Role.NON_NAME);
    }

    private static boolean conjunction(Doc doc, int token) {
        int s = doc.tokenStart[token];
        return doc.wordAt(s, "and") || doc.wordAt(s, "or");
    }
}
