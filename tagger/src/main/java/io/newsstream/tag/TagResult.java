package io.newsstream.tag;

import java.util.List;

/**
 * Mentions found in an article's title and text, each list sorted by start offset, with offsets
 * into its own string.
 */
public record TagResult(List<Mention> title, List<Mention> text) {

    public TagResult {
        title = List.copyOf(title);
        text = List.copyOf(text);
    }
}
