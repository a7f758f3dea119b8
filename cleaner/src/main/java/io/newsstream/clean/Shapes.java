package io.newsstream.clean;

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

    static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static int letterCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
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
        int i = s.length() - 1;
        while (i >= 0 && isCloser(s.charAt(i))) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = s.charAt(i);
        if (c == '.' || c == '!' || c == '?' || c == '…' || c == '。' || c == '！' || c == '？' || c == '؟' || c == '।') {
            return true;
        }
        // A quotation that closes a paragraph ("...," she said is rare; “We will win” is a quote).
        return i < s.length() - 1 && (s.charAt(s.length() - 1) == '”' || s.charAt(s.length() - 1) == '"');
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
     * A real sentence of prose: ends like a sentence, has at least three words, and a fair
     * share of lower-case words (headline-case and all-caps lines do not count, text in
     * scripts without case does). One scan, no allocation.
     */
    static boolean isSentence(String s) {
        if (!endsWithTerminal(s)) {
            return false;
        }
        int words = 0;
        int lower = 0;
        int cased = 0;
        boolean inToken = false;
        boolean tokenHasLetter = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                inToken = false;
                continue;
            }
            if (!inToken) {
                inToken = true;
                tokenHasLetter = false;
            }
            if (!tokenHasLetter && Character.isLetter(cp)) {
                tokenHasLetter = true;
                words++;
                if (Character.isLowerCase(cp)) {
                    lower++;
                    cased++;
                } else if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                    cased++;
                }
            } else if (!tokenHasLetter && Character.isDigit(cp)) {
                // A token that starts with a digit ("2023", "5th") is not a word.
                tokenHasLetter = true;
            }
        }
        if (words < 3) {
            return false;
        }
        return cased == 0 || lower * 10 >= words * 3;
    }

    /**
     * A comparison key: lower case letters and digits, one space between words, all
     * punctuation and quotes dropped, so a pull quote matches the sentence it repeats.
     */
    static String key(String s) {
        char[] b = new char[s.length()];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c < 0x80) {
                i++;
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
                    if (space && len > 0) {
                        b[len++] = ' ';
                    }
                    space = false;
                    b[len++] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
                } else if (c == ' ') {
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
            } else if (cp == ' ') {
                space = true;
            }
        }
        return new String(b, 0, len);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
