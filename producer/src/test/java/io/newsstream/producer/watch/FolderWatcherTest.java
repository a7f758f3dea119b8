package io.newsstream.producer.watch;

import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ingest.Ingestion;
import io.newsstream.producer.ingest.MockPublishers;
import io.newsstream.producer.ingest.PublishedLedger;
import io.newsstream.schema.RawArticle;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FolderWatcherTest {

    private static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path inbox;

    @TempDir
    Path stateDir;

    private final AtomicLong nanos = new AtomicLong();
    private final MockProducer<String, RawArticle> producer = MockPublishers.producer();
    private PublishedLedger ledger;
    private FolderWatcher watcher;

    @BeforeEach
    void setUp() {
        ledger = PublishedLedger.open(stateDir);
        final Ingestion ingestion = new Ingestion(MockPublishers.publisher(producer), ledger, 100, Ingestion.Listener.NONE);
        watcher = new FolderWatcher(inbox, SETTLE, nanos::get, new ArticleReader(Clock.systemUTC()), ingestion);
    }

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    @Test
    void shouldReadAFileOnlyOnceItWasUnchangedForTheSettleTime() throws IOException {
        Files.writeString(inbox.resolve("a.txt"), "Alpha");

        watcher.scan();
        advance(Duration.ofSeconds(1));
        assertThat(watcher.scan()).isEmpty();
        advance(Duration.ofSeconds(1));

        assertThat(watcher.scan()).containsExactly(inbox.resolve("a.txt"));
        assertThat(keys()).containsExactly("a");
    }

    @Test
    void shouldWaitAgainWhenAFileGrowsWhileBeingWritten() throws IOException {
        final Path file = inbox.resolve("a.txt");
        Files.writeString(file, "Alp");
        watcher.scan();
        advance(Duration.ofMillis(1500));
        Files.writeString(file, "ha, the rest", StandardOpenOption.APPEND);
        watcher.scan();
        advance(Duration.ofMillis(1500));

        assertThat(watcher.scan()).isEmpty();
        advance(Duration.ofMillis(600));
        watcher.scan();
        assertThat(producer.history()).singleElement().extracting(r -> r.value().getBody()).isEqualTo("Alpha, the rest");
    }

    @Test
    void shouldIgnoreTemporaryAndHiddenNamesUntilRenamed() throws IOException {
        Files.writeString(inbox.resolve("b.txt.tmp"), "Beta");
        Files.writeString(inbox.resolve(".c.txt"), "Gamma");
        settle();
        assertThat(keys()).isEmpty();

        Files.move(inbox.resolve("b.txt.tmp"), inbox.resolve("b.txt"));
        settle();

        assertThat(keys()).containsExactly("b");
    }

    @Test
    void shouldPublishOnlyTheNewLinesAppendedToAJsonLinesFile() throws IOException {
        final Path file = inbox.resolve("wire.jsonl");
        Files.writeString(file, "{\"id\": \"w1\", \"text\": \"one\"}\n");
        settle();
        Files.writeString(file, "{\"id\": \"w2\", \"text\": \"two\"}\n", StandardOpenOption.APPEND);
        settle();

        assertThat(keys()).containsExactly("w1", "w2");
    }

    private void settle() {
        watcher.scan();
        advance(SETTLE);
        watcher.scan();
    }

    private void advance(final Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    private java.util.List<String> keys() {
        return producer.history().stream().map(ProducerRecord::key).toList();
    }
}
