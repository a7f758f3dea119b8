package io.newsstream.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The whole-segment patterns of {@code rules/boilerplate.tsv} (format in {@code rules/README.md}):
 * exact lines (hash look-up), prefixes and anchored regular expressions, each naming the rule
 * it counts for and whether it applies anywhere or only at the article's edges. Regular
 * expressions are tried only on segments of at most {@link #MAX_REGEX_CHARS} chars that
 * contain the row's hint (rows without a hint: segments of at most {@link #MAX_UNHINTED_CHARS}
 * chars), which keeps matching cheap and bounded.
 */
final class LinePatterns {

    static final int MAX_REGEX_CHARS = 400;
    static final int MAX_PREFIX_CHARS = 400;
    /** Rows without a hint only see short segments: widgets and labels are short, paragraphs are not. */
    static final int MAX_UNHINTED_CHARS = 120;
    private static final String TRIM = " :|»›>-–—•·*#";

    /** One row; {@code edgeOnly} limits it to the top and bottom of the article. */
    record Row(String rule, String match, boolean edgeOnly, String pattern, String hint, Pattern regex) {
    }

    private final Map<String, Row> lines = new HashMap<>();
    private final List<Row> prefixes = new ArrayList<>();
    private final List<Row> regexes = new ArrayList<>();
    /** The distinct hints, and for each regex row the index of its hint there (-1: none). */
    private final List<String> hints = new ArrayList<>();
    private int[] hintOf = new int[0];

    LinePatterns(String resource) {
        for (String[] cols : RuleResources.rows(resource, 5)) {
            String where = cols[2];
            if (!"any".equals(where) && !"edge".equals(where)) {
                throw new IllegalStateException("rules/" + resource + ": where must be any or edge: " + where);
            }
            boolean edge = "edge".equals(where);
            String hint = "-".equals(cols[4]) ? "" : cols[4].toLowerCase(Locale.ROOT);
            switch (cols[1]) {
                case "line" -> lines.put(trimKey(cols[3].toLowerCase(Locale.ROOT)),
                        new Row(cols[0], "line", edge, cols[3], hint, null));
                case "prefix" -> prefixes.add(new Row(cols[0], "prefix", edge,
                        cols[3].toLowerCase(Locale.ROOT), hint, null));
                case "regex" -> regexes.add(new Row(cols[0], "regex", edge, cols[3], hint,
                        Pattern.compile(cols[3])));
                default -> throw new IllegalStateException("rules/" + resource + ": unknown match " + cols[1]);
            }
        }
        hintOf = new int[regexes.size()];
        for (int r = 0; r < regexes.size(); r++) {
            String hint = regexes.get(r).hint();
            if (hint.isEmpty()) {
                hintOf[r] = -1;
            } else {
                if (!hints.contains(hint)) {
                    hints.add(hint);
                }
                hintOf[r] = hints.indexOf(hint);
            }
        }
    }

    /** The first row matching the segment (given with its lower-case form), or null. */
    Row match(String segment, String lower, boolean atEdge, int maxLineChars) {
        int len = segment.length();
        if (len > maxLineChars || len > Math.max(MAX_PREFIX_CHARS, MAX_REGEX_CHARS)) {
            return null;
        }
        Row row = lines.get(trimKey(lower));
        if (row != null && (atEdge || !row.edgeOnly())) {
            return row;
        }
        for (Row p : prefixes) {
            if ((atEdge || !p.edgeOnly()) && lower.startsWith(p.pattern())) {
                return p;
            }
        }
        if (len > MAX_REGEX_CHARS) {
            return null;
        }
        // Each distinct hint is looked for once per segment, not once per row that names it.
        byte[] found = new byte[hints.size()];
        for (int k = 0; k < regexes.size(); k++) {
            Row r = regexes.get(k);
            if (!atEdge && r.edgeOnly()) {
                continue;
            }
            int h = hintOf[k];
            boolean tried;
            if (h < 0) {
                tried = len <= MAX_UNHINTED_CHARS;
            } else {
                if (found[h] == 0) {
                    found[h] = (byte) (lower.contains(hints.get(h)) ? 1 : 2);
                }
                tried = found[h] == 1;
            }
            if (tried && r.regex().matcher(segment).matches()) {
                return r;
            }
        }
        return null;
    }

    /** Drops separators and colons at both ends so "Advertisement:" and "| Print |" match their rows. */
    static String trimKey(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && TRIM.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRIM.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }
}
