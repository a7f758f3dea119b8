package io.newsstream.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns cleaned lines into paragraph-sized segments. Blank lines separate blocks. A block
 * that is hard-wrapped (wire copy: most lines fill a column of 40-100 chars) is re-joined
 * into paragraphs, a new one starting at an indented line or after a line that stops well
 * short of the column and ends a sentence; in any other block each line is its own segment, which is how
 * scraped text puts one paragraph (or one menu) per line.
 */
final class Paragrapher {

    private static final int MIN_COLUMN = 40;
    private static final int MIN_WRAPPED_LINES = 3;
    private static final int MAX_COLUMN = 100;
    private static final double FULL_LINE = 0.6;
    private static final double VERY_SHORT_LINE = 0.3;

    private Paragrapher() {
    }

    static List<String> segments(List<TextHygiene.Line> lines) {
        List<String> out = new ArrayList<>();
        List<TextHygiene.Line> block = new ArrayList<>();
        for (TextHygiene.Line line : lines) {
            if (line.text().isEmpty()) {
                flush(block, out);
            } else {
                block.add(line);
            }
        }
        flush(block, out);
        return out;
    }

    private static void flush(List<TextHygiene.Line> block, List<String> out) {
        if (block.isEmpty()) {
            return;
        }
        int column = 0;
        for (TextHygiene.Line l : block) {
            column = Math.max(column, l.text().length());
        }
        if (isHardWrapped(block, column)) {
            StringBuilder para = new StringBuilder();
            for (int i = 0; i < block.size(); i++) {
                TextHygiene.Line l = block.get(i);
                boolean newParagraph = i > 0 && (l.indented() || endsParagraph(block.get(i - 1).text(), column)
                        || isSignOff(l.text(), block.get(i - 1).text(), i == block.size() - 1, column));
                if (newParagraph) {
                    out.add(para.toString());
                    para.setLength(0);
                }
                if (para.length() > 0) {
                    para.append(' ');
                }
                para.append(l.text());
            }
            out.add(para.toString());
        } else {
            for (TextHygiene.Line l : block) {
                out.add(l.text());
            }
        }
        block.clear();
    }

    /**
     * A line that stops well short of the column ends its paragraph if it also ends a sentence
     * (or a heading); a very short line always does. A short first line without a full stop
     * ("Banco di Roma (London branch) has") is a wire dateline cut, not a paragraph.
     */
    private static boolean endsParagraph(String previous, int column) {
        int len = previous.length();
        if (len >= FULL_LINE * column) {
            return false;
        }
        char last = previous.charAt(len - 1);
        return len < VERY_SHORT_LINE * column || Shapes.endsWithTerminal(previous) || last == ':';
    }

    /** A very short last line after a full stop, or a single word, is a sign-off ("Reuter"), not the paragraph's tail. */
    private static boolean isSignOff(String line, String previous, boolean last, int column) {
        return last && line.length() < VERY_SHORT_LINE * column
                && (Shapes.endsWithTerminal(previous) || line.indexOf(' ') < 0);
    }

    private static boolean isHardWrapped(List<TextHygiene.Line> block, int column) {
        if (block.size() < MIN_WRAPPED_LINES || column < MIN_COLUMN || column > MAX_COLUMN) {
            return false;
        }
        int wrapped = 0;
        int candidates = 0;
        for (int i = 0; i < block.size() - 1; i++) {
            if (block.get(i + 1).indented()) {
                // The line before an indented one ends a paragraph; it says nothing about wrapping.
                continue;
            }
            String t = block.get(i).text();
            if (Shapes.endsWithTerminal(t)) {
                // A sentence may end at a line end in wire copy and in scraped text alike.
                continue;
            }
            candidates++;
            if (t.length() >= FULL_LINE * column) {
                wrapped++;
            }
        }
        return candidates > 0 && wrapped * 3 >= candidates * 2;
    }
}
