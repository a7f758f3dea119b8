package io.newsstream.streams.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque cursor of article pages: the position (event time, id) of the last article on the
 * previous page. Pages follow the list's order (newest first, then id), so a cursor stays valid
 * while new articles arrive at the top.
 */
record ArticleCursor(Instant eventTime, String id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((eventTime.toEpochMilli() + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    static ArticleCursor decode(final String cursor) {
        try {
            final String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            final int colon = plain.indexOf(':');
            return new ArticleCursor(Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon))), plain.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new BadRequestException("query parameter 'cursor' is not a cursor this API returned");
        }
    }

    /** True when {@code ref} comes after this position in newest-first order. */
    boolean isBefore(final ApiViews.ArticleRefView ref) {
        final int byTime = ref.eventTime().compareTo(eventTime);
        return byTime < 0 || byTime == 0 && ref.id().compareTo(id) > 0;
    }
}
