package io.newsstream.producer.ingest;

import io.newsstream.producer.ArticlePublisher;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/** In-memory publishers for tests: a MockProducer that acknowledges every send at once. */
public final class MockPublishers {

    private MockPublishers() {
    }

    public static MockProducer<String, RawArticle> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), (topic, article) -> new byte[0]);
    }

    public static ArticlePublisher publisher(final MockProducer<String, RawArticle> producer) {
        return new ArticlePublisher(producer, "news.articles.raw");
    }
}
