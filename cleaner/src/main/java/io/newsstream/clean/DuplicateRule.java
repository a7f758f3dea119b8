package io.newsstream.clean;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Repeated content keeps its first full occurrence. A segment of at least
 * {@link #MIN_CONTAINED_CHARS} key chars ({@link Shapes#key}: letters and digits only) whose key
 * equals an earlier one is removed, and so is one found inside a longer kept segment (a pull
 * quote repeating a sentence, wherever it sits) is removed. The containment search is skipped
 * when it would cost more than {@link #MAX_SEARCH_WORK} char comparisons, so a pathological
 * body stays fast; exact duplicates are always found (hashing).
 */
final class DuplicateRule implements CleaningRule {

    static final String RULE = "duplicate-paragraph";
    static final int MIN_CONTAINED_CHARS = 30;
    private static final int MAX_CONTAINED_CHARS = 1000;
    private static final long MAX_SEARCH_WORK = 50_000_000L;
    private static final char SEPARATOR = '\u0001';

    // Shorter repeats are table rows ("Shr nil vs nil") or labels, left to RepeatedShapeRule.

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        Set<String> seen = new HashSet<>();
        for (Segment s : draft.segments()) {
            if (s.kept()) {
                String key = s.key();
                if (key.length() >= MIN_CONTAINED_CHARS && !seen.add(key)) {
                    draft.remove(s, RULE);
                }
            }
        }
        removeContained(draft);
    }

    private static void removeContained(Draft draft) {
        List<Segment> kept = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        int candidates = 0;
        for (Segment s : draft.segments()) {
            if (!s.kept()) {
                continue;
            }
            String key = s.key();
            kept.add(s);
            keys.add(key);
            offsets.add(joined.length());
            joined.append(key).append(SEPARATOR);
            if (isCandidate(key)) {
                candidates++;
            }
        }
        if ((long) candidates * joined.length() > MAX_SEARCH_WORK) {
            return;
        }
        String all = joined.toString();
        for (int i = 0; i < kept.size(); i++) {
            String key = keys.get(i);
            if (isCandidate(key) && occursElsewhere(all, key, offsets.get(i))) {
                draft.remove(kept.get(i), RULE);
            }
        }
    }

    private static boolean isCandidate(String key) {
        return key.length() >= MIN_CONTAINED_CHARS && key.length() <= MAX_CONTAINED_CHARS;
    }

    /** Found at a word boundary inside another (necessarily longer, since exact copies are gone) segment. */
    private static boolean occursElsewhere(String all, String key, int ownOffset) {
        int from = 0;
        while (true) {
            int at = all.indexOf(key, from);
            if (at < 0) {
                return false;
            }
            int end = at + key.length();
            boolean own = at == ownOffset;
            boolean bounded = (at == 0 || !Character.isLetterOrDigit(all.charAt(at - 1)))
                    && (end == all.length() || !Character.isLetterOrDigit(all.charAt(end)));
            if (!own && bounded) {
                return true;
            }
            from = at + 1;
        }
    }
}
