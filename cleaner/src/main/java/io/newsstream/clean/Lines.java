package io.newsstream.clean;

import java.util.Arrays;

/**
 * The cleaned lines of a text ({@link TextHygiene}), each a range of one string: the body
 * itself when its lines needed no repair, else the repaired lines one after another. An empty
 * range is a blank line. Lines are ranges rather than strings of their own because most are
 * joined into paragraphs straight away ({@link Paragrapher}); equality is by content.
 */
final class Lines {

    private final String text;
    /** Start and end of each line, in pairs. */
    private final int[] bounds;
    private final boolean[] indented;
    private final int size;

    private Lines(String text, int[] bounds, boolean[] indented, int size) {
        this.text = text;
        this.bounds = bounds;
        this.indented = indented;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The string every line is a range of. */
    String text() {
        return text;
    }

    int start(int line) {
        return bounds[2 * line];
    }

    int end(int line) {
        return bounds[2 * line + 1];
    }

    int length(int line) {
        return end(line) - start(line);
    }

    boolean isBlank(int line) {
        return length(line) == 0;
    }

    /** Whether the line was indented, which marks a new paragraph in hard-wrapped wire copy. */
    boolean indented(int line) {
        return indented[line];
    }

    String line(int line) {
        return text.substring(start(line), end(line));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Lines other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (indented[i] != other.indented[i] || length(i) != other.length(i)
                    || !text.regionMatches(start(i), other.text, other.start(i), length(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + line(i).hashCode() + (indented[i] ? 1 : 0);
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            b.append(indented[i] ? "> " : "| ").append(line(i)).append('\n');
        }
        return b.toString();
    }

    /** Collects line ranges of a text given at the end (it may still be being written). */
    static final class Builder {
        private int[] bounds = new int[32];
        private boolean[] indented = new boolean[16];
        private int size;

        void add(int start, int end, boolean isIndented) {
            if (size == indented.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
                indented = Arrays.copyOf(indented, indented.length * 2);
            }
            bounds[2 * size] = start;
            bounds[2 * size + 1] = end;
            indented[size++] = isIndented;
        }

        Lines build(String text) {
            return new Lines(text, bounds, indented, size);
        }
    }
}
