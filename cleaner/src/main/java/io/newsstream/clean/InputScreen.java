package io.newsstream.clean;

/**
 * Decides in one or two linear passes (after an O(1) size check) whether a body is text at
 * all. Thresholds are shares of the non-whitespace code points.
 */
final class InputScreen {

    /** Text never has this many control, private-use or unassigned characters. */
    static final double BINARY_SHARE = 0.05;
    /** A few U+FFFD are repaired by dropping them; this many mean the decoding failed. */
    static final double REPLACEMENT_SHARE = 0.10;

    private static final int VISIBLE = 1;
    private static final int LETTER_OR_DIGIT = 2;
    private static final int JUNK = 4;
    /** Not printable ASCII, a space or a newline (tab, carriage return, controls). */
    private static final int UNUSUAL = 8;
    /** What the counting pass decides for each ASCII char, and whether it is plain, computed once. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            int f = c != '\n' && (c < 0x20 || c == 0x7F) ? UNUSUAL : 0;
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                f |= VISIBLE | (isJunk(c) ? JUNK : Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : 0);
            }
            ASCII[c] = (byte) f;
        }
    }

    /**
     * The screen's verdict: a rejection, or for a body that passed what the screen learnt on the
     * way for the hygiene pass.
     *
     * @param rejected why the body is not text; null when it passed
     * @param plainAscii every char is printable ASCII, a space or a newline
     * @param mayNeedNfc some char is at or above U+0300, below which all text is in NFC
     */
    record Verdict(CleanOutcome.Rejected rejected, boolean plainAscii, boolean mayNeedNfc) {
    }

    private InputScreen() {
    }

    static Verdict screen(String body, int maxBodyChars) {
        if (body == null || body.isEmpty()) {
            return reject(RejectReason.EMPTY, "body is empty");
        }
        if (body.length() > maxBodyChars) {
            return reject(RejectReason.TOO_LARGE,
                    "body has " + body.length() + " chars, limit is " + maxBodyChars);
        }
        // First a pass that only ORs: a body of printable ASCII, spaces and newlines (most wire
        // copy) has no junk to count, and whether it has visible chars and letters is one bit each.
        int any = 0;
        int flags = 0;
        for (int i = 0, n = body.length(); i < n; i++) {
            char c = body.charAt(i);
            any |= c;
            flags |= ASCII[c & 0x7F];
        }
        if (any >= 0x80 || (flags & (JUNK | UNUSUAL)) != 0) {
            return count(body, any >= 0x300);
        }
        if ((flags & VISIBLE) == 0) {
            return reject(RejectReason.EMPTY, "body is whitespace only");
        }
        if ((flags & LETTER_OR_DIGIT) == 0) {
            return reject(RejectReason.EMPTY, "body has no letters or digits");
        }
        return new Verdict(null, true, false);
    }

    /** Counts visible, junk, replacement and letter-or-digit code points, and judges by their shares. */
    private static Verdict count(String body, boolean mayNeedNfc) {
        int visible = 0;
        int junk = 0;
        int replacement = 0;
        int letters = 0;
        for (int i = 0; i < body.length(); ) {
            char c = body.charAt(i);
            if (c < 0x80) {
                // ASCII, nearly all text: counted by table, without a branch on the char.
                int f = ASCII[c];
                visible += f & VISIBLE;
                letters += (f >> 1) & 1;
                junk += (f >> 2) & 1;
                i++;
                continue;
            }
            int cp = body.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                continue;
            }
            visible++;
            if (cp == 0xFFFD) {
                replacement++;
            } else if (isJunk(cp)) {
                junk++;
            } else if (Character.isLetterOrDigit(cp)) {
                letters++;
            }
        }
        if (visible == 0) {
            return reject(RejectReason.EMPTY, "body is whitespace only");
        }
        if (junk >= Math.max(1, visible * BINARY_SHARE)) {
            return reject(RejectReason.BINARY, String.format(
                    "body looks binary: %d of %d visible chars are control, private-use or unassigned",
                    junk, visible));
        }
        if (replacement >= Math.max(1, visible * REPLACEMENT_SHARE)) {
            return reject(RejectReason.INVALID_ENCODING, String.format(
                    "body has %d U+FFFD replacement chars in %d visible chars: invalid encoding upstream",
                    replacement, visible));
        }
        if (letters == 0) {
            return reject(RejectReason.EMPTY, "body has no letters or digits");
        }
        return new Verdict(null, false, mayNeedNfc);
    }

    static boolean isJunk(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || (cp & 0xFFFE) == 0xFFFE;
    }

    private static Verdict reject(RejectReason reason, String message) {
        return new Verdict(new CleanOutcome.Rejected(reason, message), false, false);
    }
}
