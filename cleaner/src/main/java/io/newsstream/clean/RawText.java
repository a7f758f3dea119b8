package io.newsstream.clean;

/**
 * An article as it arrived.
 *
 * @param title       the record's own title, or null when it has none
 * @param body        the body text or HTML; null is treated as empty
 * @param contentType "text/plain", "text/html" (parameters such as charset are ignored) or null
 *                    to sniff HTML from the body
 * @param source      where the article came from (feed or site name), or null; informational
 */
public record RawText(String title, String body, String contentType, String source) {
}
