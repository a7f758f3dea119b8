package io.newsstream.tag;

import java.util.Objects;

/**
 * One tagged span of a string. {@code start}/{@code end} are UTF-16 offsets into the tagged
 * string ({@code end} exclusive) and {@code text} is exactly that substring.
 *
 * @param type    what the span refers to
 * @param text    the span as written
 * @param start   first char offset
 * @param end     offset after the last char
 * @param id      ISO 3166-1 alpha-2 code (COUNTRY), ISO 3166-3 code (HISTORICAL_STATE), place key
 *                (PLACE) or canonical full name (PERSON, ORGANIZATION)
 * @param country the ISO 3166-1 alpha-2 code the span is tied to, or null when unknown (always
 *                null for HISTORICAL_STATE)
 * @param kind    how the span was recognised
 */
public record Mention(EntityKind type, String text, int start, int end, String id, String country,
                      MentionKind kind) {

    public Mention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}
