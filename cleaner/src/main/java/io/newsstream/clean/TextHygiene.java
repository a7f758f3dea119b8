package io.newsstream.clean;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Character-level clean-up: NFC; zero-width, control, replacement and unpaired surrogate
 * characters dropped (counted as {@code control-chars}); every kind of line break becomes
 * {@code \n}; NBSP, tabs and other spaces become one space; lines trimmed. Typographic quotes
 * are content and stay. Output lines keep whether they were indented, which marks a new
 * paragraph in hard-wrapped wire copy.
 */
final class TextHygiene {

    static final String RULE = "control-chars";

    private static final int PLAIN_CHAR = 0;
    private static final int PLAIN_SPACE = 1;
    private static final int PLAIN_NEWLINE = 2;
    private static final int PLAIN_OTHER = 3;
    /** ASCII chars by what {@link #plainLineEnd} makes of them: printable, space, newline, anything else. */
    private static final byte[] PLAIN = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            PLAIN[c] = (byte) (c == ' ' ? PLAIN_SPACE : c == '\n' ? PLAIN_NEWLINE : c < 0x20 || c > 0x7E ? PLAIN_OTHER : PLAIN_CHAR);
        }
    }

    private TextHygiene() {
    }

    /** The lines of a body the {@link InputScreen} passed, using what it found out about the chars. */
    static Lines lines(String raw, InputScreen.Verdict screened, RemovalTally tally) {
        Lines plain = screened.plainAscii() ? plainLines(raw) : null;
        if (plain != null) {
            return plain;
        }
        return lines(raw, screened.mayNeedNfc() && !Normalizer.isNormalized(raw, Normalizer.Form.NFC), tally);
    }

    /** The lines of any text (extracted from HTML, say). */
    static Lines lines(String raw, RemovalTally tally) {
        return lines(raw, needsNfc(raw), tally);
    }

    /**
     * The lines of a body of printable ASCII, spaces and newlines, as ranges of the body itself,
     * when each needs nothing but splitting and un-indenting: no two spaces after its indent and
     * none at its end; else null. The searches are String's vectorised ones. It reads no other
     * char: on a body not known to be plain, its lines are right only if every char in them
     * turns out to be printable ASCII ({@link Shapes.Scan#plain}).
     */
    static Lines plainLines(String raw) {
        Lines.Builder out = new Lines.Builder();
        int n = raw.length();
        int nextDouble = raw.indexOf("  "); // the next two spaces at or after the current line's text
        for (int from = 0; from <= n; ) {
            int end = raw.indexOf('\n', from);
            if (end < 0) {
                end = n;
            }
            int start = from;
            while (start < end && raw.charAt(start) == ' ') {
                start++;
            }
            if (nextDouble >= 0 && nextDouble < start) {
                nextDouble = raw.indexOf("  ", start);
            }
            if (end > start && raw.charAt(end - 1) == ' ' || nextDouble >= 0 && nextDouble < end) {
                return null;
            }
            out.add(start, end, start - from >= 2);
            from = end + 1;
        }
        return out.build(raw);
    }

    private static Lines lines(String raw, boolean normalize, RemovalTally tally) {
        // Loops over a char array run without String.charAt's per-char checks.
        char[] chars = normalize ? Normalizer.normalize(raw, Normalizer.Form.NFC).toCharArray() : raw.toCharArray();
        Lines.Builder out = new Lines.Builder();
        StringBuilder text = new StringBuilder(chars.length); // the cleaned lines, one after another
        int n = chars.length;
        char[] line = new char[Math.min(n, 1024) + 2];
        int len = 0;
        int removed = 0;
        int leading = 0;
        boolean atLineStart = true;
        boolean pendingSpace = false;
        int i = 0;
        while (i < n) {
            if (atLineStart && leading == 0) {
                // Most lines of news text need nothing done but dropping an indent: take them as they are.
                int indent = 0;
                int from = i;
                while (from < n && (chars[from] == ' ' || chars[from] == '\t')) {
                    indent += chars[from] == '\t' ? 4 : 1;
                    from++;
                }
                int end = plainLineEnd(chars, from, n);
                if (end > from) {
                    int start = text.length();
                    text.append(chars, from, end - from);
                    out.add(start, text.length(), indent >= 2);
                    if (end == n) {
                        tally.add(RULE, removed, removed);
                        return out.build(text.toString());
                    }
                    i = end + 1;
                    continue;
                }
            }
            char c = chars[i];
            int cp;
            if (c >= 0x21 && c < 0x7F) {
                // Printable ASCII, the common case: no look-ups.
                i++;
                cp = c;
            } else if (c == ' ') {
                i++;
                if (atLineStart) {
                    leading++;
                } else {
                    pendingSpace = true;
                }
                continue;
            } else {
                cp = Character.codePointAt(chars, i);
                i += Character.charCount(cp);
                if (cp == '\r') {
                    if (i < n && chars[i] == '\n') {
                        i++;
                    }
                    cp = '\n';
                }
                if (cp == '\n' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C || cp == 0x85) {
                    addLine(text, line, len, leading >= 2, out);
                    len = 0;
                    leading = 0;
                    atLineStart = true;
                    pendingSpace = false;
                    continue;
                }
                if (isSpace(cp)) {
                    if (atLineStart) {
                        leading += cp == '\t' ? 4 : 1;
                    } else {
                        pendingSpace = true;
                    }
                    continue;
                }
                if (isInvisible(cp)) {
                    removed++;
                    continue;
                }
            }
            if (len + 3 > line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            if (pendingSpace) {
                line[len++] = ' ';
                pendingSpace = false;
            }
            atLineStart = false;
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                line[len++] = (char) cp;
            } else {
                len += Character.toChars(cp, line, len);
            }
        }
        addLine(text, line, len, leading >= 2, out);
        tally.add(RULE, removed, removed);
        return out.build(text.toString());
    }

    private static void addLine(StringBuilder text, char[] line, int len, boolean indented, Lines.Builder out) {
        int start = text.length();
        text.append(line, 0, len);
        out.add(start, text.length(), indented);
    }

    /**
     * The end (the {@code \n} or the end of the text) of the line starting at {@code from} when
     * this method would leave it unchanged: printable ASCII, single spaces between words, no
     * space at either end; otherwise {@code from} (the line goes through the general path).
     */
    private static int plainLineEnd(char[] text, int from, int n) {
        int i = from;
        int previous = PLAIN_SPACE; // a leading space is not plain
        while (i < n) {
            char c = text[i];
            int kind = c < 0x80 ? PLAIN[c] : PLAIN_OTHER;
            // Branches taken once a line at most, so the loop runs without mispredictions.
            if (kind >= PLAIN_NEWLINE) {
                if (kind == PLAIN_NEWLINE) {
                    break;
                }
                return from;
            }
            if ((kind & previous) != 0) {
                return from; // two spaces
            }
            previous = kind;
            i++;
        }
        return i > from && previous != PLAIN_SPACE ? i : from;
    }

    /**
     * Below U+0300 every character is already in NFC; most news text never needs the
     * normaliser. The test ORs all chars together (a loop the JIT vectorises): when no bit at or
     * above U+0300's is set, no char can be that high.
     */
    private static boolean needsNfc(String s) {
        int any = 0;
        for (int i = 0; i < s.length(); i++) {
            any |= s.charAt(i);
        }
        return any >= 0x300 && !Normalizer.isNormalized(s, Normalizer.Form.NFC);
    }

    static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /**
     * Characters that carry no text: zero-width marks, soft hyphen, controls, U+FFFD and
     * private-use, unassigned or unpaired-surrogate code points (icon fonts, bad decoding).
     * Bidirectional marks stay: right-to-left text may need them.
     */
    static boolean isInvisible(int cp) {
        return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD
                || cp == 0xFFFD || InputScreen.isJunk(cp);
    }
}
