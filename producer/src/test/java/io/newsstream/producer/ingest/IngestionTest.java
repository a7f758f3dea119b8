package io.newsstream.producer.ingest;

import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IngestionTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldNotSendAgainWhatARestartedProducerAlreadyPublished() {
        final MockProducer<String, RawArticle> first = MockPublishers.producer();
        try (PublishedLedger ledger = PublishedLedger.open(stateDir)) {
            final Ingestion ingestion = new Ingestion(MockPublishers.publisher(first), ledger, 100, Ingestion.Listener.NONE);
            ingestion.offer(article("a", "Alpha"));
            ingestion.offer(article("b", "Beta"));
            ingestion.flush();
        }

        final MockProducer<String, RawArticle> second = MockPublishers.producer();
        final IngestSummary summary;
        try (PublishedLedger ledger = PublishedLedger.open(stateDir)) {
            final Ingestion ingestion = new Ingestion(MockPublishers.publisher(second), ledger, 100, Ingestion.Listener.NONE);
            ingestion.offer(article("a", "Alpha"));
            ingestion.offer(article("b", "Beta"));
            ingestion.offer(article("c", "Gamma"));
            ingestion.flush();
            summary = ingestion.summary();
        }

        assertThat(first.history()).extracting(ProducerRecord::key).containsExactly("a", "b");
        assertThat(second.history()).extracting(ProducerRecord::key).containsExactly("c");
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.duplicates()).isEqualTo(2);
    }

    @Test
    void shouldSkipChangedContentUnderAnIdAlreadyPublished() {
        final MockProducer<String, RawArticle> producer = MockPublishers.producer();
        try (PublishedLedger ledger = PublishedLedger.open(stateDir)) {
            final Ingestion ingestion = new Ingestion(MockPublishers.publisher(producer), ledger, 100, Ingestion.Listener.NONE);
            ingestion.offer(article("a", "Alpha"));
            ingestion.flush();
            ingestion.offer(article("a", "Alpha, corrected"));
            ingestion.flush();

            assertThat(producer.history()).hasSize(1);
            assertThat(ingestion.summary().changed()).isEqualTo(1);
        }
    }

    @Test
    void shouldNotRecordASendKafkaRefusedSoThatItIsTriedAgain() {
        final MockProducer<String, RawArticle> producer = new MockProducer<>(false, null,
                new org.apache.kafka.common.serialization.StringSerializer(), (t, a) -> new byte[0]);
        try (PublishedLedger ledger = PublishedLedger.open(stateDir)) {
            final Ingestion ingestion = new Ingestion(MockPublishers.publisher(producer), ledger, 100, Ingestion.Listener.NONE);
            ingestion.offer(article("a", "Alpha"));
            producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));
            ingestion.flush();

            assertThat(ingestion.summary().failedCount()).isEqualTo(1);
            assertThat(ledger.digest("a")).isEmpty();
        }
    }

    @Test
    void shouldSkipTheSameIdTwiceInOneBatchWithoutALedger() {
        final MockProducer<String, RawArticle> producer = MockPublishers.producer();
        final Ingestion ingestion = new Ingestion(MockPublishers.publisher(producer), null, 100, Ingestion.Listener.NONE);

        ingestion.offer(article("a", "Alpha"));
        ingestion.offer(article("a", "Alpha"));
        ingestion.flush();

        assertThat(producer.history()).hasSize(1);
        assertThat(ingestion.summary().duplicates()).isEqualTo(1);
    }

    static RawArticle article(final String id, final String body) {
        return RawArticle.newBuilder().setId(id).setBody(body).setFetchedAt(Instant.now()).build();
    }
}
