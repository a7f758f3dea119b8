package io.newsstream.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-rule count of removed segments and characters for one article, in the order rules first
 * removed something; not shared between calls. A handful of rules at most, so parallel arrays
 * searched linearly (rule names are constants: identity finds them) beat a map.
 */
final class RemovalTally {

    private String[] rules = new String[4];
    private int[] segments = new int[4];
    private int[] chars = new int[4];
    private int size;

    void add(String rule, int removedSegments, int removedChars) {
        if (removedSegments <= 0 && removedChars <= 0) {
            return;
        }
        int i = indexOf(rule);
        if (i < 0) {
            if (size == rules.length) {
                rules = Arrays.copyOf(rules, size * 2);
                segments = Arrays.copyOf(segments, size * 2);
                chars = Arrays.copyOf(chars, size * 2);
            }
            i = size++;
            rules[i] = rule;
        }
        segments[i] += removedSegments;
        chars[i] += removedChars;
    }

    private int indexOf(String rule) {
        for (int i = 0; i < size; i++) {
            if (rules[i] == rule || rules[i].equals(rule)) {
                return i;
            }
        }
        return -1;
    }

    List<RuleRemoval> toList() {
        List<RuleRemoval> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new RuleRemoval(rules[i], segments[i], chars[i]));
        }
        return out;
    }
}
