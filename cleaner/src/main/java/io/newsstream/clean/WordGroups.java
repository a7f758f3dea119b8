package io.newsstream.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule rows grouped by a short word they start with (an appeal phrase's first word, a prefix
 * row's first chars), looked up by a span of text ignoring case through a {@link WordTable}.
 * A scan asks once per word which rows may start there and checks only those.
 */
final class WordGroups {

    private static final int[] NONE = new int[0];

    private final WordTable table;
    private final int[][] groups;

    /** {@code heads.get(i)} is the word row {@code i} starts with; rows keep their order within a group. */
    WordGroups(List<String> heads) {
        Map<String, List<Integer>> byHead = new LinkedHashMap<>();
        for (int i = 0; i < heads.size(); i++) {
            byHead.computeIfAbsent(heads.get(i), h -> new ArrayList<>()).add(i);
        }
        Map<String, Long> slots = new HashMap<>();
        groups = new int[byHead.size()][];
        int g = 0;
        for (Map.Entry<String, List<Integer>> e : byHead.entrySet()) {
            groups[g] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            slots.put(e.getKey(), (long) ++g);
        }
        table = new WordTable(slots);
    }

    /** {@link #rows} for text already in lower case (a segment key). */
    int[] rowsLowerCase(String key, int from, int to) {
        long g = table.getLowerCase(key, from, to);
        return g == 0 ? NONE : groups[(int) g - 1];
    }

    /** The rows whose head is {@code text[from, to)}, ignoring case; empty when none. */
    int[] rows(CharSequence text, int from, int to) {
        long g = table.get(text, from, to);
        return g == 0 ? NONE : groups[(int) g - 1];
    }
}
