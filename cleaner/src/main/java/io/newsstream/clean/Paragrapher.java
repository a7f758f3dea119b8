package io.newsstream.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns cleaned lines into paragraph-sized segments. Blank lines separate blocks. A block
 * that is hard-wrapped (wire copy: most lines fill a column of 40-100 chars) is re-joined
 * into paragraphs, a new one starting at an indented line or after a line that stops well
 * short of the column and ends a sentence; in any other block each line is its own segment, which is how
 * scraped text puts one paragraph (or one menu) per line. Lines are read as ranges of one
 * text ({@link Lines}); each segment is copied out once.
 */
final class Paragrapher {

    private static final int MIN_COLUMN = 40;
    private static final int MIN_WRAPPED_LINES = 3;
    private static final int MAX_COLUMN = 100;
    private static final double FULL_LINE = 0.6;
    private static final double VERY_SHORT_LINE = 0.3;

    private Paragrapher() {
    }

    static List<String> segments(Lines lines) {
        List<String> out = new ArrayList<>();
        int blockStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.isBlank(i)) {
                flush(lines, blockStart, i, out);
                blockStart = -1;
            } else if (blockStart < 0) {
                blockStart = i;
            }
        }
        flush(lines, blockStart, lines.size(), out);
        return out;
    }

    /** The segments of the block of lines {@code [from, to)}; none when from is negative. */
    private static void flush(Lines lines, int from, int to, List<String> out) {
        if (from < 0) {
            return;
        }
        int column = 0;
        for (int i = from; i < to; i++) {
            column = Math.max(column, lines.length(i));
        }
        if (!isHardWrapped(lines, from, to, column)) {
            for (int i = from; i < to; i++) {
                out.add(lines.line(i));
            }
            return;
        }
        int paragraph = from;
        for (int i = from + 1; i < to; i++) {
            boolean newParagraph = lines.indented(i) || endsParagraph(lines, i - 1, column)
                    || isSignOff(lines, i, i == to - 1, column);
            if (newParagraph) {
                out.add(join(lines, paragraph, i));
                paragraph = i;
            }
        }
        out.add(join(lines, paragraph, to));
    }

    /** Lines {@code [from, to)} joined by single spaces. */
    private static String join(Lines lines, int from, int to) {
        if (to - from == 1) {
            return lines.line(from);
        }
        int length = to - from - 1;
        for (int i = from; i < to; i++) {
            length += lines.length(i);
        }
        StringBuilder b = new StringBuilder(length);
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(lines.text(), lines.start(i), lines.end(i));
        }
        return b.toString();
    }

    /**
     * A line that stops well short of the column ends its paragraph if it also ends a sentence
     * (or a heading); a very short line always does. A short first line without a full stop
     * ("Banco di Roma (London branch) has") is a wire dateline cut, not a paragraph.
     */
    private static boolean endsParagraph(Lines lines, int line, int column) {
        int len = lines.length(line);
        if (len >= FULL_LINE * column) {
            return false;
        }
        char last = lines.text().charAt(lines.end(line) - 1);
        return len < VERY_SHORT_LINE * column || endsWithTerminal(lines, line) || last == ':';
    }

    /** A very short last line after a full stop, or a single word, is a sign-off ("Reuter"), not the paragraph's tail. */
    private static boolean isSignOff(Lines lines, int line, boolean last, int column) {
        if (!last || lines.length(line) >= VERY_SHORT_LINE * column) {
            return false;
        }
        int space = lines.text().indexOf(' ', lines.start(line));
        return endsWithTerminal(lines, line - 1) || space < 0 || space >= lines.end(line);
    }

    private static boolean isHardWrapped(Lines lines, int from, int to, int column) {
        if (to - from < MIN_WRAPPED_LINES || column < MIN_COLUMN || column > MAX_COLUMN) {
            return false;
        }
        int wrapped = 0;
        int candidates = 0;
        for (int i = from; i < to - 1; i++) {
            if (lines.indented(i + 1)) {
                // The line before an indented one ends a paragraph; it says nothing about wrapping.
                continue;
            }
            if (endsWithTerminal(lines, i)) {
                // A sentence may end at a line end in wire copy and in scraped text alike.
                continue;
            }
            candidates++;
            if (lines.length(i) >= FULL_LINE * column) {
                wrapped++;
            }
        }
        return candidates > 0 && wrapped * 3 >= candidates * 2;
    }

    private static boolean endsWithTerminal(Lines lines, int line) {
        return Shapes.endsWithTerminal(lines.text(), lines.start(line), lines.end(line));
    }
}
