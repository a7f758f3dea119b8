package io.newsstream.clean;

/**
 * Applies {@code rules/boilerplate.tsv}: each matching segment is removed under the rule its
 * row names (site-chrome, boilerplate, caption, appeal...).
 */
final class PatternRule implements CleaningRule {

    private final LinePatterns patterns;
    private final int maxLineChars;

    PatternRule(LinePatterns patterns, int maxLineChars) {
        this.patterns = patterns;
        this.maxLineChars = maxLineChars;
    }

    @Override
    public String name() {
        return "patterns";
    }

    @Override
    public void apply(Draft draft) {
        for (int i = 0; i < draft.size(); i++) {
            Segment s = draft.get(i);
            if (!s.kept()) {
                continue;
            }
            LinePatterns.Row row = patterns.match(s, draft.atEdge(i), maxLineChars);
            if (row != null) {
                draft.remove(s, row.rule());
            }
        }
    }
}
