package io.newsstream.clean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-rule count of removed segments and characters for one article; not shared between calls. */
final class RemovalTally {

    private final Map<String, int[]> counts = new LinkedHashMap<>();

    void add(String rule, int segments, int chars) {
        if (segments <= 0 && chars <= 0) {
            return;
        }
        int[] c = counts.computeIfAbsent(rule, r -> new int[2]);
        c[0] += segments;
        c[1] += chars;
    }

    List<RuleRemoval> toList() {
        List<RuleRemoval> out = new ArrayList<>(counts.size());
        counts.forEach((rule, c) -> out.add(new RuleRemoval(rule, c[0], c[1])));
        return out;
    }
}
