package io.newsstream.clean;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cheap, linear measurements of a segment's shape: words, capitalisation, punctuation.
 * Every rule that removes text by shape asks {@link #isSentence(String)} first, because
 * losing a real sentence is worse than keeping a line of junk.
 */
final class Shapes {

    private Shapes() {
    }

    /** Whitespace-separated tokens; segments are already whitespace-normalised. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** First letter of a token, or 0 when it has none. */
    static int firstLetter(String token) {
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            if (Character.isLetter(cp)) {
                return cp;
            }
            if (Character.isDigit(cp)) {
                return 0;
            }
            i += Character.charCount(cp);
        }
        return 0;
    }

    /** Whether the segment ends like a sentence: . ! ? … possibly followed by closing quotes or brackets. */
    static boolean endsWithTerminal(String s) {
        return endsWithTerminal(s, 0, s.length());
    }

    /** {@link #endsWithTerminal(String)} of {@code s[from, to)}. */
    static boolean endsWithTerminal(String s, int from, int to) {
        int i = to - 1;
        while (i >= from && isCloser(s.charAt(i))) {
            i--;
        }
        if (i < from) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？' || c == '؟' || c == '।') {
            return true;
        }
        // A quotation that closes a paragraph ("...," she said is rare; “We will win” is a quote).
        return i < to - 1 && (s.charAt(to - 1) == '”' || s.charAt(to - 1) == '"');
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»' || c == ' ';
    }

    /** Share of letter-bearing tokens whose first letter is lower case (0 when there are none). */
    static double lowerWordShare(List<String> tokens) {
        int words = 0;
        int lower = 0;
        for (String t : tokens) {
            int cp = firstLetter(t);
            if (cp != 0) {
                words++;
                if (Character.isLowerCase(cp)) {
                    lower++;
                }
            }
        }
        return words == 0 ? 0 : (double) lower / words;
    }

    static int wordCount(List<String> tokens) {
        int words = 0;
        for (String t : tokens) {
            if (firstLetter(t) != 0) {
                words++;
            }
        }
        return words;
    }

    /**
     * What one scan of a segment learns ({@link #scan}): its comparison key, whether it is a
     * sentence, and counts and char kinds that let the rules reject most segments without a scan
     * of their own.
     *
     * @param words tokens (space-separated) whose first letter or digit is a letter
     * @param lowerWords those words whose first letter is lower case
     * @param capitalisedWords those words whose first letter is upper or title case
     * @param kinds the {@link #LETTER}, {@link #DIGIT}, {@link #CODE}, {@link #NOT_PLAIN},
     *              {@link #OPEN_PAREN} and {@link #COLON} kinds of char that occur
     */
    record Scan(String key, boolean sentence, int words, int lowerWords, int capitalisedWords, int kinds) {

        /** Whether a letter occurs, in any script. */
        boolean letter() {
            return (kinds & LETTER) != 0;
        }

        /** Whether a digit occurs, in any script. */
        boolean digit() {
            return (kinds & DIGIT) != 0;
        }

        /** Whether every char is printable ASCII or the space, as in most wire copy. */
        boolean plain() {
            return (kinds & NOT_PLAIN) == 0;
        }

        /** Whether a semicolon or a brace occurs: the punctuation of code. */
        boolean codePunctuation() {
            return (kinds & CODE) != 0;
        }

        /** Whether the char occurs, for one of the {@link #TRACKED_PUNCTUATION}. */
        boolean has(char punctuation) {
            return switch (punctuation) {
                case '(' -> (kinds & OPEN_PAREN) != 0;
                case ':' -> (kinds & COLON) != 0;
                default -> throw new IllegalArgumentException("not tracked by the scan: " + punctuation);
            };
        }
    }

    /**
     * The chars a scan notes the presence of ({@link Scan#has}) at no cost, as kinds of its char
     * table: the boilerplate patterns' commonest hints, which every segment would otherwise be
     * searched for.
     */
    static final String TRACKED_PUNCTUATION = "(:";

    /** Reusable buffers for the scans of one cleaning call (one thread), so a scan allocates only its key. */
    static final class Scratch {
        private static final int KEEP_CHARS = 1 << 16;
        private char[] chars;
        private byte[] key;

        /** Buffers for segments of up to {@code chars} chars to begin with; they grow as needed. */
        Scratch(int chars) {
            this.chars = new char[chars];
            this.key = new byte[chars + 1];
        }

        private char[] chars(int n) {
            if (n > KEEP_CHARS) {
                return new char[n]; // a huge segment's buffers are not kept
            }
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            return chars;
        }

        private byte[] key(int n) {
            if (n > KEEP_CHARS) {
                return new byte[n + 1];
            }
            if (key.length < n + 1) {
                key = new byte[Math.max(n + 1, key.length * 2)];
            }
            return key;
        }
    }

    /**
     * For each ASCII char: its key char (lower-case letter or digit), or 0 for everything
     * else; one table look-up instead of three range tests on the cleaner's hottest loops.
     */
    private static final byte[] ASCII_KEY = new byte[128];
    static final int LETTER = 2;
    static final int DIGIT = 16;
    static final int CODE = 32;
    /** A char other than printable ASCII and the space: a control char, or any char above U+007E. */
    static final int NOT_PLAIN = 64;
    static final int OPEN_PAREN = 128;
    static final int COLON = 256;
    /** The kinds an ASCII char's table entry gives, whatever the script rules say of letters and digits. */
    private static final int ASCII_KINDS = CODE | NOT_PLAIN | OPEN_PAREN | COLON;
    private static final int KINDS = LETTER | DIGIT | ASCII_KINDS;
    /** Bits 0-7 of an {@link #ASCII_SCAN} entry are the key char. */
    private static final int ALNUM_BIT = 8;
    private static final int SPACE_BIT = 9;
    private static final int KINDS_SHIFT = 16;
    /**
     * For each ASCII char, all that the scan loop needs of it in one look-up: its key char (bits
     * 0-7, 0 for none), whether it is a letter or digit (bit {@link #ALNUM_BIT}) or the space
     * (bit {@link #SPACE_BIT}), and its {@link Scan#kinds} from bit {@link #KINDS_SHIFT} on.
     */
    private static final int[] ASCII_SCAN = new int[128];
    /** For each ASCII char, what it adds to a scan's packed counts when it starts a word: 1 word, 1 lower-case word (high half). */
    private static final long[] WORD_COUNTS = new long[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_KEY[c] = (byte) c;
            ASCII_SCAN[c] = c | 1 << ALNUM_BIT | DIGIT << KINDS_SHIFT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_KEY[c] = (byte) c;
            ASCII_KEY[c - 32] = (byte) c;
            ASCII_SCAN[c] = c | 1 << ALNUM_BIT | LETTER << KINDS_SHIFT;
            ASCII_SCAN[c - 32] = ASCII_SCAN[c];
            WORD_COUNTS[c] = 1L << 32 | 1;
            WORD_COUNTS[c - 32] = 1;
        }
        for (char c = 0; c < 0x20; c++) {
            ASCII_SCAN[c] = NOT_PLAIN << KINDS_SHIFT;
        }
        ASCII_SCAN[0x7F] = NOT_PLAIN << KINDS_SHIFT;
        ASCII_SCAN[' '] = 1 << SPACE_BIT;
        ASCII_SCAN[';'] = CODE << KINDS_SHIFT;
        ASCII_SCAN['{'] = CODE << KINDS_SHIFT;
        ASCII_SCAN['}'] = CODE << KINDS_SHIFT;
        ASCII_SCAN['('] = OPEN_PAREN << KINDS_SHIFT;
        ASCII_SCAN[':'] = COLON << KINDS_SHIFT;
    }

    /** The lower-case form of an ASCII char, by table. */
    static char lowerAscii(char c) {
        int k = ASCII_KEY[c];
        return k >= 'a' ? (char) k : c;
    }

    /** {@link #scan(String, Scratch)} with buffers of its own. */
    static Scan scan(String s) {
        return scan(s, new Scratch(s.length()));
    }

    /**
     * Key, sentence shape and the counts of {@link Scan} in one pass over the text. ASCII text
     * (nearly all wire copy) takes a loop of table look-ups and arithmetic, without a branch
     * that depends on the char; it writes the key as Latin-1 bytes. A text with any other char is
     * scanned code point by code point ({@link #scanCodePoints}).
     */
    static Scan scan(String s, Scratch scratch) {
        int n = s.length();
        // The loop reads a char array, where the JIT drops the per-char checks of String.charAt.
        char[] chars = scratch.chars(n);
        s.getChars(0, n, chars, 0);
        byte[] b = scratch.key(n);
        int len = 0;
        int pending = 0; // a separator came since the last key char (or before the first: dropped below)
        int decided = 0; // the current token's first letter or digit has been seen
        long counts = 0; // words in the low half, lower-case words in the high half
        int seen = 0;
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                return scanCodePoints(s);
            }
            int e = ASCII_SCAN[c];
            seen |= e;
            int a = (e >> ALNUM_BIT) & 1;
            // Write a separating space and the key char unconditionally; keep them only when due.
            b[len] = ' ';
            len += a & pending;
            b[len] = (byte) e;
            len += a;
            pending = a ^ 1;
            // A token's first letter or digit decides whether it is a word; a space ends the token.
            counts += WORD_COUNTS[c] & -(a & ~decided);
            decided = (decided | a) & ~(e >> SPACE_BIT);
        }
        // A separator before the first key char left a space in front of it.
        int start = len > 0 && b[0] == ' ' ? 1 : 0;
        int words = (int) counts;
        int lower = (int) (counts >>> 32);
        // Every ASCII letter is cased, so the share rule of isSentence applies as it is.
        boolean sentence = words >= 3 && lower * 10 >= words * 3 && endsWithTerminal(s);
        return new Scan(new String(b, start, len - start, StandardCharsets.ISO_8859_1), sentence, words, lower,
                words - lower, seen >> KINDS_SHIFT & KINDS);
    }

    /** {@link #scan} for any text, code point by code point; the reference for the ASCII loop. */
    static Scan scanCodePoints(String s) {
        int words = 0;
        int lower = 0;
        int capitalised = 0;
        int cased = 0;
        int kinds = 0;
        boolean decided = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                decided = false;
                continue;
            }
            boolean isLetter = Character.isLetter(cp);
            boolean isDigit = Character.isDigit(cp);
            kinds |= (isLetter ? LETTER : 0) | (isDigit ? DIGIT : 0)
                    | (cp < 0x80 ? ASCII_SCAN[cp] >> KINDS_SHIFT & ASCII_KINDS : NOT_PLAIN);
            if (decided || !isLetter && !isDigit) {
                continue;
            }
            // A token that starts with a digit ("2023", "5th") is not a word.
            decided = true;
            if (isLetter) {
                words++;
                if (Character.isLowerCase(cp)) {
                    lower++;
                    cased++;
                } else if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                    capitalised++;
                    cased++;
                }
            }
        }
        // Scripts without case (Arabic, Chinese) are judged on their words and ending alone.
        boolean sentence = words >= 3 && (cased == 0 || lower * 10 >= words * 3) && endsWithTerminal(s);
        return new Scan(key(s), sentence, words, lower, capitalised, kinds);
    }

    /**
     * A real sentence of prose: ends like a sentence, has at least three words, and a fair
     * share of lower-case words (headline-case and all-caps lines do not count, text in
     * scripts without case does).
     */
    static boolean isSentence(String s) {
        return endsWithTerminal(s) && scan(s).sentence();
    }

    /**
     * A comparison key: the runs of letters and digits in lower case, one space between them,
     * so a pull quote matches the sentence it repeats whatever its quotes and punctuation
     * ("“Don’t go,” she said." gives "don t go she said"). Rules that look for words and phrases
     * read the key, where words are exactly the space-separated runs.
     */
    static String key(String s) {
        char[] b = new char[s.length()];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c < 0x80) {
                i++;
                int k = ASCII_KEY[c];
                if (k != 0) {
                    if (space && len > 0) {
                        b[len++] = ' ';
                    }
                    space = false;
                    b[len++] = (char) k;
                } else {
                    space = true;
                }
                continue;
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                int lower = Character.toLowerCase(cp);
                int need = Character.charCount(lower) + 1;
                if (len + need > b.length) {
                    b = Arrays.copyOf(b, b.length * 2 + need);
                }
                if (space && len > 0) {
                    b[len++] = ' ';
                }
                space = false;
                len += Character.toChars(lower, b, len);
            } else {
                space = true;
            }
        }
        return new String(b, 0, len);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
