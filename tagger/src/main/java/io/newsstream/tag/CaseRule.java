package io.newsstream.tag;

/**
 * Whether a span written in the text may stand for a dictionary surface, given letter case:
 * <ul>
 *   <li>{@code cs} surfaces ("US") must match letter for letter;</li>
 *   <li>surfaces flagged case-insensitive (titles, block phrases) always match;</li>
 *   <li>otherwise every capital in the surface must be a capital in the text, so "turkey" is
 *       never "Turkey"; an all-caps span passes in a headline line or a dateline;</li>
 *   <li>ambiguous country and place names must also keep their lower-case letters ("CHAD" in
 *       running text is an acronym, not the country).</li>
 * </ul>
 */
final class CaseRule {

    private CaseRule() {
    }

    static boolean accepts(Entry entry, Doc doc, int start, int end, boolean capsAllowed) {
        if (entry.has(Entry.F_CASE_INSENSITIVE) || entry.role() == Role.BLOCK) {
            return true;
        }
        boolean exact = entry.has(Entry.F_CASE_SENSITIVE);
        if (!exact && capsAllowed) {
            return true;
        }
        boolean keepLower = !exact && entry.has(Entry.F_AMBIGUOUS)
                && (entry.role() == Role.COUNTRY || entry.role() == Role.PLACE);
        String surface = entry.surface();
        char[] text = doc.chars;
        char[] folded = doc.folded;
        int i = start;
        int j = 0;
        while (i < end && j < surface.length()) {
            char s = surface.charAt(j);
            if (s == ' ') {
                while (j < surface.length() && surface.charAt(j) == ' ') {
                    j++;
                }
                while (i < end && folded[i] == ' ') {
                    i++;
                }
                continue;
            }
            char c = text[i];
            if (exact ? s != c && Character.isLetter(s) : !caseMatches(s, c, keepLower)) {
                return false;
            }
            i++;
            j++;
        }
        return true;
    }

    private static boolean caseMatches(char s, char c, boolean keepLower) {
        if (Character.isUpperCase(s)) {
            return Character.isUpperCase(c);
        }
        return !keepLower || !Character.isLowerCase(s) || Character.isLowerCase(c);
    }
}
