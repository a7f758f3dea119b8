package io.newsstream.clean;

import java.util.Map;

/**
 * A read-only, case-insensitive map from short words to a {@code long} of flags, looked up by a
 * span of a {@link CharSequence} without copying or lower-casing it first. Written by hand
 * because the lookup sits in the cleaner's per-word loops, where a {@code HashMap<String, ...>}
 * would cost a substring, a lower-case copy and a boxed value per word; no library offers a
 * case-folding lookup by span.
 *
 * <p>Open addressing with linear probing over a power-of-two table, at most half full. Case
 * folding is {@link Character#toLowerCase(char)} char by char, which is what
 * {@code String.toLowerCase(Locale.ROOT)} does for every word the rule files hold.
 */
final class WordTable {

    /** The words in lower case, by slot. */
    private final String[] words;
    private final long[] values;
    private final int mask;
    /**
     * For each word length below 64, a bit per first two chars ({@link #startBit}) of the words
     * of that length: most words of a text are rejected by one look-up, before any hashing.
     */
    private final long[] startsByLength = new long[64];

    /** Keys are stored in lower case; a key that differs only in case from another merges into it. */
    WordTable(Map<String, Long> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size() * 2)) << 1;
        this.words = new String[size];
        this.values = new long[size];
        this.mask = size - 1;
        entries.forEach((word, value) -> {
            String lower = fold(word);
            int slot = slot(lower);
            words[slot] = lower;
            values[slot] |= value;
            int len = lower.length();
            if (len > 0 && len < 64) {
                startsByLength[len] |= startBit(lower.charAt(0), len > 1 ? lower.charAt(1) : 0);
            }
        });
    }

    /** The flags of {@code text[from, to)} ignoring case, or 0 when the word is not in the table. */
    long get(CharSequence text, int from, int to) {
        int len = to - from;
        if (len <= 0 || !mayHold(len, lower(text.charAt(from)), len > 1 ? lower(text.charAt(from + 1)) : 0)) {
            return 0;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(text.charAt(i));
        }
        return find(h, len, text, null, from);
    }

    /**
     * {@link #get} of a span of ASCII chars in an array ({@code text[from, to)}), ignoring case:
     * the same answer as for the same chars in a string.
     */
    long getAscii(char[] text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(text[i]);
        }
        return getAscii(text, from, to, h);
    }

    /**
     * {@link #getAscii(char[], int, int)} given the span's hash, {@code 31 * h + c} over its
     * chars in lower case, which a caller that has just read the span summed on the way.
     */
    long getAscii(char[] text, int from, int to, int lowerHash) {
        int len = to - from;
        if (len <= 0 || !mayHold(len, lower(text[from]), len > 1 ? lower(text[from + 1]) : 0)) {
            return 0;
        }
        return find(lowerHash, len, null, text, from);
    }

    /**
     * {@link #get} for text already in lower case (a segment key, {@link Shapes#key}): the same
     * answer without folding each char.
     */
    long getLowerCase(String text, int from, int to) {
        int len = to - from;
        if (len <= 0 || !mayHold(len, text.charAt(from), len > 1 ? text.charAt(from + 1) : 0)) {
            return 0;
        }
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String w = words[slot];
            if (w == null) {
                return 0;
            }
            if (w.length() == len && text.regionMatches(from, w, 0, len)) {
                return values[slot];
            }
        }
    }

    /** Whether a word of this length (at least 1) and first two chars (lower case) may be in the table. */
    private boolean mayHold(int len, char first, int second) {
        return len >= 64 || (startsByLength[len] & startBit(first, second)) != 0;
    }

    /** The flags of the word of hash {@code h} at {@code from} in the text, or else in the array, ignoring case. */
    private long find(int h, int len, CharSequence text, char[] array, int from) {
        for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
            String w = words[slot];
            if (w == null) {
                return 0;
            }
            if (w.length() == len
                    && (text != null ? equalsIgnoringCase(w, text, from) : equalsIgnoringCase(w, array, from))) {
                return values[slot];
            }
        }
    }

    private int slot(String lower) {
        int slot = spread(lower.hashCode()) & mask; // String's hash is the 31 * h + c of the look-ups
        while (words[slot] != null && !words[slot].equals(lower)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static boolean equalsIgnoringCase(String lower, CharSequence text, int from) {
        for (int k = 0; k < lower.length(); k++) {
            if (lower.charAt(k) != lower(text.charAt(from + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalsIgnoringCase(String lower, char[] text, int from) {
        for (int k = 0; k < lower.length(); k++) {
            if (lower.charAt(k) != lower(text[from + k])) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String word) {
        char[] out = word.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = lower(out[i]);
        }
        return new String(out);
    }

    private static char lower(char c) {
        if (c < 0x80) {
            return Shapes.lowerAscii(c);
        }
        return Character.toLowerCase(c);
    }

    /** One of 64 bits for a word's first two chars (0 for a one-char word's second); the shift keeps six bits. */
    private static long startBit(char first, int second) {
        return 1L << (first * 7 + second);
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
