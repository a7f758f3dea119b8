package io.newsstream.clean;

import java.util.HashMap;
import java.util.Map;

/**
 * Boilerplate found by repetition and emptiness: a short non-sentence line without digits that
 * occurs more than once in the article ("Advertisement", a repeated widget label) is removed
 * at the edges, and in the middle when it occurs at least three times;
 * as is a segment with no letter or digit ("***", "—"); a bare count of up to four digits is
 * removed at the edges (comment and share counters). Lines with figures are never "repeated
 * labels": in wire copy they are table rows.
 */
final class RepeatedShapeRule implements CleaningRule {

    static final String RULE = "boilerplate";
    private static final int MAX_REPEATED_CHARS = 100;

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        Map<String, Integer> counts = new HashMap<>();
        for (Segment s : draft.segments()) {
            if (s.kept() && isShortLabel(s)) {
                counts.merge(s.key(), 1, Integer::sum);
            }
        }
        for (int i = 0; i < draft.size(); i++) {
            Segment s = draft.get(i);
            if (!s.kept()) {
                continue;
            }
            String t = s.text();
            if (!s.shape().letter() && !s.shape().digit()) {
                draft.remove(s, RULE);
            } else if (draft.atEdge(i) && isCounter(t)) {
                draft.remove(s, RULE);
            } else if (isShortLabel(s) && isRepeatedEnough(counts.getOrDefault(s.key(), 0), draft.atEdge(i))) {
                draft.remove(s, RULE);
            }
        }
    }

    /** Twice is enough at the edges; in the middle a label must come three times (tables repeat their headers once). */
    private static boolean isRepeatedEnough(int count, boolean atEdge) {
        return count >= (atEdge ? 2 : 3);
    }

    /**
     * Short, not a sentence, and without digits: repeated labels are furniture, while repeated
     * lines with figures ("Shr nil vs nil", "Avg shrs 2.3 mln vs 1.4 mln") are tables.
     */
    private static boolean isShortLabel(Segment s) {
        String t = s.text();
        return t.length() <= MAX_REPEATED_CHARS && !Shapes.endsWithTerminal(t) && !s.shape().digit() && s.shape().letter();
    }

    /** A bare count of one to four digits ("3" comments, "12" shares); "1986." or "1,842,000" are data. */
    private static boolean isCounter(String t) {
        if (t.length() > 4) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
