package io.newsstream.clean;

import java.time.Instant;
import java.util.List;

/**
 * A cleaned article.
 *
 * @param title       the record's title, else a headline taken from the first line, else null
 * @param text        NFC text, paragraphs separated by one blank line, no outer whitespace
 * @param author      byline name as written ("By LAHAV HARKOV" gives "LAHAV HARKOV"), or null
 * @param publishedAt from a date line near the top (UTC when it names no zone), or null
 * @param language    ISO 639-1 code in lower case, or null when unknown or unreliable
 * @param removals    per rule, what it removed; rules that removed nothing are absent
 */
public record CleanedText(String title, String text, String author, Instant publishedAt,
                          String language, List<RuleRemoval> removals) {

    public CleanedText {
        removals = List.copyOf(removals);
    }
}
