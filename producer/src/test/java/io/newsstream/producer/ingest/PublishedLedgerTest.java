package io.newsstream.producer.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedLedgerTest {

    @TempDir
    Path dir;

    @Test
    void shouldRememberAcknowledgedArticlesAcrossReopening() {
        try (PublishedLedger ledger = PublishedLedger.open(dir)) {
            ledger.append(List.of(new PublishedLedger.Entry("a", "11"), new PublishedLedger.Entry("b", "22")));
        }

        try (PublishedLedger reopened = PublishedLedger.open(dir)) {
            assertThat(reopened.digest("a")).contains("11");
            assertThat(reopened.digest("b")).contains("22");
            assertThat(reopened.digest("c")).isEmpty();
        }
    }

    @Test
    void shouldWriteOneIdTabDigestLinePerArticle() throws IOException {
        try (PublishedLedger ledger = PublishedLedger.open(dir)) {
            ledger.append(List.of(new PublishedLedger.Entry("odd\tid", "ab")));
        }

        assertThat(Files.readString(dir.resolve(PublishedLedger.FILE_NAME))).isEqualTo("odd\\tid\tab\n");
        try (PublishedLedger reopened = PublishedLedger.open(dir)) {
            assertThat(reopened.digest("odd\tid")).contains("ab");
        }
    }

    @Test
    void shouldDropALineTornByACrashAndKeepAppendingCleanly() throws IOException {
        Files.writeString(dir.resolve(PublishedLedger.FILE_NAME), "a\t11\nb\t2", StandardOpenOption.CREATE);

        try (PublishedLedger ledger = PublishedLedger.open(dir)) {
            assertThat(ledger.digest("b")).isEmpty();
            ledger.append(List.of(new PublishedLedger.Entry("c", "33")));
        }

        assertThat(Files.readString(dir.resolve(PublishedLedger.FILE_NAME))).isEqualTo("a\t11\nc\t33\n");
    }

    @Test
    void shouldRefuseASecondProducerOnTheSameLedger() {
        try (PublishedLedger first = PublishedLedger.open(dir)) {
            assertThatThrownBy(() -> PublishedLedger.open(dir).close())
                    .isInstanceOf(RuntimeException.class)
                    .hasMessageContaining("ledger");
        }
    }
}
