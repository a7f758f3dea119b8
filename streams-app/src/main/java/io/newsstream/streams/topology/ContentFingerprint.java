package io.newsstream.streams.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of an article's text that is equal for the same wire story published by two
 * sites: letters and digits only, lower-cased, so spacing, punctuation, quotes and case do not
 * matter. SHA-256 truncated to 128 bits: collisions are not a practical concern at news volume.
 */
final class ContentFingerprint {

    private ContentFingerprint() {
    }

    static String of(final String text) {
        final StringBuilder normalised = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            final int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && normalised.length() > 0) {
                    normalised.append(' ');
                }
                normalised.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            } else {
                space = true;
            }
        }
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
