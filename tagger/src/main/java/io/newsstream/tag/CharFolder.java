package io.newsstream.tag;

import java.text.Normalizer;

/**
 * Folds one UTF-16 unit to its matching form: lower case, accents stripped, every whitespace
 * to a space, typographic apostrophes to {@code '}, dashes to {@code -}. Folding is one char to
 * one char, so offsets in the folded view are offsets in the original string.
 */
final class CharFolder {

    /** Accented Latin letters live in these ranges (Latin-1 to Latin Extended-B, Latin Extended Additional). */
    private static final int LATIN_FROM = 0x80;
    private static final int LATIN_TO = 0x250;
    private static final int LATIN_ADDITIONAL_FROM = 0x1E00;
    private static final int LATIN_ADDITIONAL_TO = 0x1F00;

    static final byte ALNUM = 1;
    static final byte LETTER = 1 << 1;
    static final byte UPPER = 1 << 2;
    static final byte LOWER = 1 << 3;
    static final byte DIGIT = 1 << 4;
    static final byte SPACE = 1 << 5;

    private final char[] table = new char[Character.MAX_VALUE + 1];
    /** Character class bits per UTF-16 unit, so the hot loops do one array read per char. */
    private final byte[] classes = new byte[Character.MAX_VALUE + 1];

    CharFolder() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            table[c] = computeFold(ch);
            classes[c] = computeClass(ch);
        }
    }

    byte classOf(char c) {
        return classes[c];
    }

    boolean alnum(char c) {
        return (classes[c] & ALNUM) != 0;
    }

    private static byte computeClass(char c) {
        int bits = 0;
        if (Character.isLetter(c)) {
            bits |= ALNUM | LETTER;
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                bits |= UPPER;
            } else if (Character.isLowerCase(c)) {
                bits |= LOWER;
            }
        } else if (Character.isDigit(c)) {
            bits |= ALNUM | DIGIT;
        } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            bits |= SPACE;
        }
        return (byte) bits;
    }

    char fold(char c) {
        return table[c];
    }

    String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table[s.charAt(i)];
        }
        return new String(out);
    }

    void fold(char[] in, char[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = table[in[i]];
        }
    }

    private static char computeFold(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u2032', '\u0060', '\u00B4', '\u02BC':
                return '\'';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
                return '-';
            case '\u0131':
                return 'i';
            case '\u00F8', '\u00D8':
                return 'o';
            case '\u0142', '\u0141':
                return 'l';
            case '\u0111', '\u0110':
                return 'd';
            default:
                break;
        }
        boolean latin = c >= LATIN_FROM && c < LATIN_TO || c >= LATIN_ADDITIONAL_FROM && c < LATIN_ADDITIONAL_TO;
        if (!latin) {
            return Character.toLowerCase(c);
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        boolean onlyMarks = true;
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                onlyMarks = false;
            }
        }
        return Character.toLowerCase(decomposed.length() > 1 && onlyMarks ? base : c);
    }
}
