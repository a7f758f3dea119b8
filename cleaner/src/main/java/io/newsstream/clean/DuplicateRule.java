package io.newsstream.clean;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Repeated content keeps its first full occurrence. A segment of at least
 * {@link #MIN_CONTAINED_CHARS} key chars ({@link Shapes#key}: letters and digits only) whose key
 * equals an earlier one is removed, and so is one found, at word boundaries, inside a longer
 * kept segment (a pull quote repeating a sentence, wherever it sits). The containment search is skipped
 * when it would cost more than {@link #MAX_SEARCH_WORK} char comparisons, so a pathological
 * body stays fast; exact duplicates are always found (hashing).
 */
final class DuplicateRule implements CleaningRule {

    static final String RULE = "duplicate-paragraph";
    static final int MIN_CONTAINED_CHARS = 30;
    private static final int MAX_CONTAINED_CHARS = 1000;
    private static final long MAX_SEARCH_WORK = 50_000_000L;

    // Shorter repeats are table rows ("Shr nil vs nil") or labels, left to RepeatedShapeRule.

    @Override
    public String name() {
        return RULE;
    }

    @Override
    public void apply(Draft draft) {
        // The kept segments by key length, then position: one sorted array serves both passes.
        List<Segment> segments = draft.segments();
        long[] byLength = new long[segments.size()];
        int n = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).kept()) {
                byLength[n++] = (long) segments.get(i).key().length() << 32 | i;
            }
        }
        Arrays.sort(byLength, 0, n);
        removeExactCopies(draft, byLength, n);
        removeContained(draft, byLength, n);
    }

    /**
     * Later copies of a key go. Only keys of equal length can be equal, and long keys rarely
     * share a length, so keys are hashed only within a length that occurs more than once: most
     * articles hash nothing (a String's hash reads every char).
     */
    private static void removeExactCopies(Draft draft, long[] byLength, int n) {
        for (int from = 0, to; from < n; from = to) {
            long length = byLength[from] >>> 32;
            to = from + 1;
            while (to < n && byLength[to] >>> 32 == length) {
                to++;
            }
            if (to - from > 1 && length >= MIN_CONTAINED_CHARS) {
                Set<String> seen = new HashSet<>();
                for (int k = from; k < to; k++) {
                    Segment s = draft.get((int) byLength[k]);
                    if (!seen.add(s.key())) {
                        draft.remove(s, RULE);
                    }
                }
            }
        }
    }

    private static void removeContained(Draft draft, long[] sorted, int sortedCount) {
        // The segments the exact pass kept, still in order of length.
        long[] byLength = new long[sortedCount];
        int n = 0;
        long work = 0;
        int candidates = 0;
        for (int k = 0; k < sortedCount; k++) {
            Segment s = draft.get((int) sorted[k]);
            if (s.kept()) {
                byLength[n++] = sorted[k];
                work += s.key().length();
                candidates += isCandidate(s.key()) ? 1 : 0;
            }
        }
        if (candidates * work > MAX_SEARCH_WORK) {
            return;
        }
        // Exact copies are gone, so a candidate can only sit inside a longer key: each candidate
        // searches only the keys after the last of its own length.
        for (int k = 0; k < n; k++) {
            Segment s = draft.get((int) byLength[k]);
            String key = s.key();
            if (!isCandidate(key)) {
                continue;
            }
            int longer = k + 1;
            while (longer < n && byLength[longer] >>> 32 == key.length()) {
                longer++;
            }
            for (int j = longer; j < n; j++) {
                if (occursIn(draft.get((int) byLength[j]).key(), key)) {
                    draft.remove(s, RULE);
                    break;
                }
            }
        }
    }

    private static boolean isCandidate(String key) {
        return key.length() >= MIN_CONTAINED_CHARS && key.length() <= MAX_CONTAINED_CHARS;
    }

    /** The key found in the longer key at word boundaries (keys separate words with single spaces). */
    private static boolean occursIn(String longer, String key) {
        for (int at = longer.indexOf(key); at >= 0; at = longer.indexOf(key, at + 1)) {
            int end = at + key.length();
            if ((at == 0 || longer.charAt(at - 1) == ' ') && (end == longer.length() || longer.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }
}
