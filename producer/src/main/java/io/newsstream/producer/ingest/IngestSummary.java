package io.newsstream.producer.ingest;

import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;

import java.util.List;

/**
 * What an ingestion did so far.
 *
 * @param published  acknowledged by Kafka
 * @param duplicates skipped: the ledger (or the same batch) already holds the id with the same content
 * @param changed    skipped: the ledger holds the id with different content (ids are published once; see docs)
 * @param rejected   inputs that could not be turned into an article, with the reason (first {@link #KEPT} kept)
 * @param failed     sends Kafka did not acknowledge (first {@link #KEPT} kept); retried on the next pass
 * @param rejectedCount all rejections, also those not kept in {@code rejected}
 * @param failedCount   all failures, also those not kept in {@code failed}
 */
public record IngestSummary(long published, long duplicates, long changed, List<ArticleReader.Rejected> rejected,
                            List<ArticlePublisher.Published> failed, long rejectedCount, long failedCount) {

    /** How many rejections and failures a summary keeps for display. */
    public static final int KEPT = 50;

    public IngestSummary {
        rejected = List.copyOf(rejected);
        failed = List.copyOf(failed);
    }

    /** One line: "12 published, 3 skipped as duplicates, 0 skipped as changed, 1 rejected, 0 failed". */
    public String line() {
        return String.format("%d published, %d skipped as duplicates, %d skipped as changed, %d rejected, %d failed",
                published, duplicates, changed, rejectedCount, failedCount);
    }
}
