package io.newsstream.registry.serde;

import io.newsstream.schema.RawArticle;
import java.time.Instant;

/** Test articles. */
final class Articles {

    private Articles() {
    }

    static RawArticle raw(String id) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSource("example.org")
                .setUrl("https://example.org/" + id)
                .setTitle("Ministers meet in Oslo")
                .setBody("<p>Norway and Chile signed an agreement.</p>")
                .setContentType("text/html")
                .setPublishedAt(Instant.parse("2025-01-02T03:04:05Z"))
                .setFetchedAt(Instant.parse("2025-01-02T04:00:00Z"))
                .build();
    }
}
