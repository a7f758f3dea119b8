package io.newsstream.streams.query;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks a raw request path or query string (as sent, still percent-encoded). Jetty and Javalin
 * decode invalid UTF-8 such as {@code %FF} or {@code %C3%28} to U+FFFD without complaint, which
 * would turn a malformed request into a look-up of a different id; the API refuses it instead.
 */
final class PercentEncoding {

    private PercentEncoding() {
    }

    /** True when every {@code %} starts a two-digit hex escape and the decoded bytes are valid UTF-8; null is valid. */
    static boolean isValidUtf8(final String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        final ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            final char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                final int high = Character.digit(raw.charAt(i + 1), 16);
                final int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
