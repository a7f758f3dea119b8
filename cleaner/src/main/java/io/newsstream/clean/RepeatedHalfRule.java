package io.newsstream.clean;

/**
 * A segment that is the same text twice back to back ("Flag of Azerbaijan (credit: REUTERS)Flag
 * of Azerbaijan (credit: REUTERS)", a scraper artefact) keeps one copy; the removed half is
 * counted as {@code duplicate-paragraph}. Runs first so later rules see the single copy.
 */
final class RepeatedHalfRule implements CleaningRule {

    static final String RULE = DuplicateRule.RULE;
    private static final int MIN_HALF_CHARS = 20;

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        for (Segment s : draft.segments()) {
            String t = s.text();
            String half = repeatedHalf(t);
            if (s.kept() && half != null) {
                s.replaceText(half);
                draft.tally().add(RULE, 1, t.length() - half.length());
            }
        }
    }

    /** The first half when the text is two equal halves (with or without a space between), else null. */
    static String repeatedHalf(String t) {
        int n = t.length();
        // Short doubled strings are table headers ("1986 1985 1986 1985"), not scraper artefacts.
        if (n < 2 * MIN_HALF_CHARS) {
            return null;
        }
        String half = null;
        if (n % 2 == 0 && t.regionMatches(0, t, n / 2, n / 2)) {
            half = t.substring(0, n / 2).strip();
        } else if (n % 2 == 1 && t.charAt(n / 2) == ' ' && t.regionMatches(0, t, n / 2 + 1, n / 2)) {
            half = t.substring(0, n / 2);
        }
        // The comparison fails on the first chars of nearly every segment: test for letters after it.
        return half != null && Shapes.hasLetter(half) ? half : null;
    }
}
