package io.newsstream.producer.ingest;

import io.newsstream.producer.ArticleDigest;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;
import io.newsstream.schema.RawArticle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes articles at most once per id across restarts: each offered article is checked
 * against the {@link PublishedLedger} (and the batch in flight), sent when new, and recorded in
 * the ledger once Kafka acknowledged it ({@link #flush()}, also every {@code batchSize} sends).
 *
 * <p>An id already in the ledger with the same content is a duplicate; with different content it
 * is skipped as changed, because the streams application keeps the first version of each id and
 * would drop it anyway (republish under a new id to have it counted). Without a ledger
 * ({@code null}) only duplicates within one batch are skipped. Thread-safe.
 */
public final class Ingestion {

    private final ArticlePublisher publisher;
    private final PublishedLedger ledger;
    private final int batchSize;
    private final Listener listener;
    private final Map<String, String> inFlight = new HashMap<>();
    private final List<ArticleReader.Rejected> rejected = new ArrayList<>();
    private final List<ArticlePublisher.Published> failed = new ArrayList<>();
    private long published;
    private long duplicates;
    private long changed;
    private long rejectedCount;
    private long failedCount;

    public Ingestion(final ArticlePublisher publisher, final PublishedLedger ledger, final int batchSize,
                     final Listener listener) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("setting 'batch-size' must be at least 1, was " + batchSize);
        }
        this.publisher = publisher;
        this.ledger = ledger;
        this.batchSize = batchSize;
        this.listener = listener;
    }

    /** Sends {@code article} unless its id was published already. */
    public synchronized void offer(final RawArticle article) {
        final String id = article.getId();
        final String digest = ArticleDigest.of(article);
        final Optional<String> known = Optional.ofNullable(inFlight.get(id)).or(() -> ledgerDigest(id));
        if (known.isPresent()) {
            if (known.get().equals(digest)) {
                duplicates++;
                listener.skipped(id, false);
            } else {
                changed++;
                listener.skipped(id, true);
            }
            return;
        }
        try {
            publisher.send(article);
        } catch (RuntimeException e) {
            // Serialization (e.g. registry unreachable) fails before the send: count it, do not record it.
            recordFailure(new ArticlePublisher.Published(id, article.getTitle(), -1, -1, String.valueOf(e.getMessage())));
            return;
        }
        inFlight.put(id, digest);
        if (inFlight.size() >= batchSize) {
            flush();
        }
    }

    public synchronized void reject(final ArticleReader.Rejected why) {
        rejectedCount++;
        if (rejected.size() < IngestSummary.KEPT) {
            rejected.add(why);
        }
        listener.rejected(why);
    }

    /** Waits for every send, records the acknowledged ones in the ledger; returns how many failed in this flush. */
    public synchronized int flush() {
        final List<PublishedLedger.Entry> acknowledged = new ArrayList<>();
        int failures = 0;
        for (ArticlePublisher.Published p : publisher.flush()) {
            if (p.ok()) {
                published++;
                acknowledged.add(new PublishedLedger.Entry(p.id(), inFlight.get(p.id())));
                listener.published(p);
            } else {
                failures++;
                recordFailure(p);
            }
        }
        if (ledger != null) {
            ledger.append(acknowledged);
        }
        inFlight.clear();
        return failures;
    }

    private void recordFailure(final ArticlePublisher.Published p) {
        failedCount++;
        if (failed.size() < IngestSummary.KEPT) {
            failed.add(p);
        }
        listener.failed(p);
    }

    public synchronized IngestSummary summary() {
        return new IngestSummary(published, duplicates, changed, rejected, failed, rejectedCount, failedCount);
    }

    private Optional<String> ledgerDigest(final String id) {
        return ledger == null ? Optional.empty() : ledger.digest(id);
    }

    /** Hears each outcome as it happens (for per-article output and progress); all methods optional. */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        default void published(final ArticlePublisher.Published article) {
        }

        default void skipped(final String id, final boolean changed) {
        }

        default void rejected(final ArticleReader.Rejected why) {
        }

        default void failed(final ArticlePublisher.Published article) {
        }
    }
}
