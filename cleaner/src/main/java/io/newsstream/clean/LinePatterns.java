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

    private final List<Row> lineRows = new ArrayList<>();
    /** Exact lines, ignoring case: value is 1 + the index in {@link #lineRows}. */
    private final WordTable lines;
    private final int longestLine;
    private final List<Row> prefixes = new ArrayList<>();
    /** Prefix rows by their first {@link #prefixHead} chars, ignoring case. */
    private final WordGroups prefixHeads;
    private final int prefixHead;
    private final List<Row> regexes = new ArrayList<>();
    /** The distinct hint parts, and for each regex row the indices of its hint's parts there (null: no hint). */
    private final List<String> hints = new ArrayList<>();
    /** {@link Shapes#key} of each hint part (empty for punctuation alone). */
    private final List<String> hintKeys = new ArrayList<>();
    /** For each distinct hint part, the regex rows (bits by index) whose hint names it. */
    private final long[] rowsNeeding;
    /** Regex rows limited to the edges, and rows without a hint. */
    private final long edgeOnlyRows;
    private final long unhintedRows;
    /** Which regex rows a segment's first chars let through. */
    private final RegexStarts regexStarts;

    LinePatterns(String resource) {
        Map<String, Long> lineIndex = new HashMap<>();
        for (String[] cols : RuleResources.rows(resource, 5)) {
            String where = cols[2];
            if (!"any".equals(where) && !"edge".equals(where)) {
                throw new IllegalStateException("rules/" + resource + ": where must be any or edge: " + where);
            }
            boolean edge = "edge".equals(where);
            String hint = "-".equals(cols[4]) ? "" : cols[4].toLowerCase(Locale.ROOT);
            switch (cols[1]) {
                case "line" -> {
                    String key = trimKey(cols[3].toLowerCase(Locale.ROOT));
                    if (!lineIndex.containsKey(key)) {
                        lineRows.add(new Row(cols[0], "line", edge, cols[3], hint, null));
                        lineIndex.put(key, (long) lineRows.size());
                    }
                }
                case "prefix" -> prefixes.add(new Row(cols[0], "prefix", edge,
                        cols[3].toLowerCase(Locale.ROOT), hint, null));
                case "regex" -> regexes.add(new Row(cols[0], "regex", edge, cols[3], hint,
                        Pattern.compile(cols[3])));
                default -> throw new IllegalStateException("rules/" + resource + ": unknown match " + cols[1]);
            }
        }
        this.lines = new WordTable(lineIndex);
        this.prefixHead = Math.min(3, prefixes.stream().mapToInt(r -> r.pattern().length()).min().orElse(3));
        this.prefixHeads = new WordGroups(prefixes.stream().map(r -> r.pattern().substring(0, prefixHead)).toList());
        this.longestLine = lineIndex.keySet().stream().mapToInt(String::length).max().orElse(0);
        this.regexStarts = new RegexStarts(regexes.stream().map(Row::regex).toList());
        List<Long> needing = new ArrayList<>();
        long edgeOnly = 0;
        long unhinted = 0;
        for (int r = 0; r < regexes.size(); r++) {
            long bit = 1L << r;
            if (regexes.get(r).edgeOnly()) {
                edgeOnly |= bit;
            }
            String hint = regexes.get(r).hint();
            if (hint.isEmpty()) {
                unhinted |= bit;
                continue;
            }
            for (String part : hint.split("&")) {
                if (part.isEmpty()) {
                    throw new IllegalStateException("rules/" + resource + ": empty part in hint " + hint);
                }
                if (!hints.contains(part)) {
                    hints.add(part);
                    hintKeys.add(Shapes.key(part));
                    needing.add(0L);
                }
                int h = hints.indexOf(part);
                needing.set(h, needing.get(h) | bit);
            }
        }
        rowsNeeding = needing.stream().mapToLong(Long::longValue).toArray();
        edgeOnlyRows = edgeOnly;
        unhintedRows = unhinted;
    }

    /** The first row matching the segment, or null. */
    Row match(Segment segment, boolean atEdge, int maxLineChars) {
        String text = segment.text();
        int len = text.length();
        if (len > maxLineChars || len > Math.max(MAX_PREFIX_CHARS, MAX_REGEX_CHARS)) {
            return null;
        }
        Row row = lineRow(text);
        if (row != null && (atEdge || !row.edgeOnly())) {
            return row;
        }
        Row prefix = prefixRow(text, atEdge);
        if (prefix != null) {
            return prefix;
        }
        if (len > MAX_REGEX_CHARS) {
            return null;
        }
        long rows = regexStarts.candidates(text);
        if (!atEdge) {
            rows &= ~edgeOnlyRows;
        }
        if (len > MAX_UNHINTED_CHARS) {
            rows &= ~unhintedRows;
        }
        // Each distinct hint part is looked for once, and only while some row left needs it;
        // a missing part drops every row that names it.
        for (int h = 0; h < rowsNeeding.length && rows != 0; h++) {
            if ((rows & rowsNeeding[h]) != 0 && !holds(segment, hints.get(h), hintKeys.get(h))) {
                rows &= ~rowsNeeding[h];
            }
        }
        for (; rows != 0; rows &= rows - 1) {
            Row r = regexes.get(Long.numberOfTrailingZeros(rows));
            if (r.regex().matcher(text).matches()) {
                return r;
            }
        }
        return null;
    }

    /**
     * Whether the segment holds a hint part, ignoring case. A part of punctuation alone ("(")
     * is looked for in the text, or for a char the scan tracks ({@link Shapes#TRACKED_PUNCTUATION})
     * read off the segment's scan. Any other is first looked for in the segment's key, which is
     * sound because the key of a segment holds the key of every substring of it ("photo)" needs
     * "photo"), and then, when it has more than letters and digits, in the text as written.
     */
    private static boolean holds(Segment segment, String part, String keyPart) {
        if (keyPart.isEmpty()) {
            return part.length() == 1 && Shapes.TRACKED_PUNCTUATION.indexOf(part.charAt(0)) >= 0
                    ? segment.shape().has(part.charAt(0)) : segment.text().contains(part);
        }
        return segment.key().contains(keyPart) && (keyPart.equals(part) || containsIgnoringCase(segment.text(), part));
    }

    /** Whether the text holds the lower-case hint, the text's chars lower-cased one by one. */
    private static boolean containsIgnoringCase(String text, String lowerHint) {
        char first = lowerHint.charAt(0);
        for (int i = 0, last = text.length() - lowerHint.length(); i <= last; i++) {
            if (Character.toLowerCase(text.charAt(i)) == first && text.regionMatches(true, i, lowerHint, 0, lowerHint.length())) {
                return true;
            }
        }
        return false;
    }

    /** The first prefix row the text starts with (ignoring case), among those sharing its first chars. */
    private Row prefixRow(String text, boolean atEdge) {
        if (text.length() < prefixHead) {
            return null;
        }
        for (int i : prefixHeads.rows(text, 0, prefixHead)) {
            Row p = prefixes.get(i);
            if ((atEdge || !p.edgeOnly()) && text.regionMatches(true, 0, p.pattern(), 0, p.pattern().length())) {
                return p;
            }
        }
        return null;
    }

    /** The exact-line row equal to the text once separators at both ends are dropped, ignoring case. */
    private Row lineRow(String text) {
        int start = trimmedStart(text);
        int end = trimmedEnd(text, start);
        if (end - start > longestLine) {
            return null;
        }
        long index = lines.get(text, start, end);
        return index == 0 ? null : lineRows.get((int) index - 1);
    }

    /** Drops separators and colons at both ends so "Advertisement:" and "| Print |" match their rows. */
    static String trimKey(String s) {
        int start = trimmedStart(s);
        return s.substring(start, trimmedEnd(s, start));
    }

    private static int trimmedStart(String s) {
        int start = 0;
        while (start < s.length() && TRIM.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return start;
    }

    private static int trimmedEnd(String s, int start) {
        int end = s.length();
        while (end > start && TRIM.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }
}
