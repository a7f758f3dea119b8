package io.newsstream.clean;

import java.util.Optional;

/**
 * Decides in one linear pass (after an O(1) size check) whether a body is text at all.
 * Thresholds are shares of the non-whitespace code points.
 */
final class InputScreen {

    /** Text never has this many control, private-use or unassigned characters. */
    static final double BINARY_SHARE = 0.05;
    /** A few U+FFFD are repaired by dropping them; this many mean the decoding failed. */
    static final double REPLACEMENT_SHARE = 0.10;

    private static final int VISIBLE = 1;
    private static final int LETTER_OR_DIGIT = 2;
    private static final int JUNK = 4;
    /** What the general path below decides for each ASCII char, computed once. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                ASCII[c] = (byte) (VISIBLE | (isJunk(c) ? JUNK : Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : 0));
            }
        }
    }

    private InputScreen() {
    }

    static Optional<CleanOutcome.Rejected> screen(String body, int maxBodyChars) {
        if (body == null || body.isEmpty()) {
            return reject(RejectReason.EMPTY, "body is empty");
        }
        if (body.length() > maxBodyChars) {
            return reject(RejectReason.TOO_LARGE,
                    "body has " + body.length() + " chars, limit is " + maxBodyChars);
        }
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
                junk += f >> 2;
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
        return Optional.empty();
    }

    static boolean isJunk(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.PRIVATE_USE
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || (cp & 0xFFFE) == 0xFFFE;
    }

    private static Optional<CleanOutcome.Rejected> reject(RejectReason reason, String message) {
        return Optional.of(new CleanOutcome.Rejected(reason, message));
    }
}
