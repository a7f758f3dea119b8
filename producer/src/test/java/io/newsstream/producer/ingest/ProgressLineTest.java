package io.newsstream.producer.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressLineTest {

    @Test
    void shouldDrawTheShareOfBytesReadAndTheCounts() {
        final IngestSummary summary = new IngestSummary(12, 3, 1, List.of(), List.of(), 2, 0);

        assertThat(ProgressLine.render(50, 100, summary))
                .isEqualTo("[###############---------------]  50%  12 published · 4 duplicates · 2 rejected");
    }
}
