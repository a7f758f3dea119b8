package io.newsstream.producer.ingest;

import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.feed.FeedPoller;
import io.newsstream.producer.watch.FolderWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the live sources of one producer: watched folders scanned every {@code watchInterval},
 * feeds polled every {@code pollInterval}, all on one thread so that sources never interleave
 * inside a batch. A failing pass is logged and retried at the next tick; it never stops the loop.
 */
public final class LiveIngest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveIngest.class);

    private final List<FolderWatcher> watchers;
    private final List<URI> feeds;
    private final FeedPoller poller;
    private final Ingestion ingestion;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread t = new Thread(r, "newsstream-ingest");
        t.setDaemon(true);
        return t;
    });

    public LiveIngest(final List<FolderWatcher> watchers, final List<URI> feeds, final FeedPoller poller,
                      final Ingestion ingestion) {
        this.watchers = List.copyOf(watchers);
        this.feeds = List.copyOf(feeds);
        this.poller = poller;
        this.ingestion = ingestion;
    }

    /** Schedules the passes; returns at once. */
    public void start(final Duration watchInterval, final Duration pollInterval) {
        if (!watchers.isEmpty()) {
            scheduler.scheduleWithFixedDelay(this::scanFolders, 0, watchInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!feeds.isEmpty()) {
            scheduler.scheduleWithFixedDelay(this::pollFeeds, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Scans every watched folder once. */
    public void scanFolders() {
        for (FolderWatcher watcher : watchers) {
            try {
                watcher.scan().forEach(file -> LOG.info("read {}", file));
            } catch (RuntimeException e) {
                LOG.warn("scanning {} failed; trying again at the next scan: {}", watcher.dir(), e.getMessage());
            }
        }
    }

    /** Fetches every feed once and publishes its new items. */
    public void pollFeeds() {
        for (URI feed : feeds) {
            try {
                pollFeed(feed);
            } catch (RuntimeException e) {
                LOG.warn("polling {} failed; trying again at the next poll: {}", feed, e.getMessage());
            }
        }
    }

    private void pollFeed(final URI feed) {
        final FeedPoller.Fetch fetch = poller.fetch(feed);
        if (!fetch.ok()) {
            LOG.warn("feed {}: {}", feed, fetch.error());
            ingestion.reject(new ArticleReader.Rejected(feed.toString(), fetch.error()));
            return;
        }
        if (fetch.notModified()) {
            LOG.debug("feed {}: not modified", feed);
            return;
        }
        fetch.articles().forEach(ingestion::offer);
        if (ingestion.flush() == 0) {
            // Only once every item is in Kafka: a 304 from now on must not hide an item that failed.
            poller.remember(fetch);
            fetch.rejected().forEach(ingestion::reject);
        }
    }

    /** Stops the passes (waiting for the one running) and flushes what is in flight. */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("an ingestion pass did not finish within 30 s");
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
        ingestion.flush();
    }
}
