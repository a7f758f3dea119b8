package io.newsstream.clean;

/**
 * Limits and switches of the cleaner.
 *
 * @param maxBodyChars   bodies longer than this are rejected as {@link RejectReason#TOO_LARGE}
 *                       before any other work
 * @param maxLineChars   segments longer than this are never matched against line patterns
 *                       (boilerplate lines are short); they are kept as content, so a whole
 *                       article on one line survives, and pattern matching stays bounded
 * @param detectLanguage whether to run language detection (on a bounded prefix of the text)
 */
public record CleanerConfig(int maxBodyChars, int maxLineChars, boolean detectLanguage) {

    public CleanerConfig {
        if (maxBodyChars <= 0) {
            throw new IllegalArgumentException("maxBodyChars must be positive, was " + maxBodyChars);
        }
        if (maxLineChars <= 0) {
            throw new IllegalArgumentException("maxLineChars must be positive, was " + maxLineChars);
        }
    }

    /** 2,000,000-character bodies, 10,000-character pattern lines, language detection on. */
    public static CleanerConfig defaults() {
        return new CleanerConfig(2_000_000, 10_000, true);
    }
}
