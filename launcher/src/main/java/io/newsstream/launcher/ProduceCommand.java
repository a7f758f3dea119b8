package io.newsstream.launcher;

import io.newsstream.producer.ArticleDigest;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ArticleReader;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.producer.feed.FeedPoller;
import io.newsstream.producer.ingest.IngestSummary;
import io.newsstream.producer.ingest.Ingestion;
import io.newsstream.producer.ingest.LiveIngest;
import io.newsstream.producer.ingest.ProgressLine;
import io.newsstream.producer.ingest.PublishedLedger;
import io.newsstream.producer.watch.FolderWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code newsstream produce}: publishes article files, folders and JSON-lines files once, then
 * (with {@code --watch} / {@code --feed}) keeps publishing what appears in folders and feeds until
 * stopped. Every article acknowledged by Kafka is recorded in {@code <state-dir>/published.ledger},
 * so a restarted producer skips it ({@code Ingestion}, {@code FolderWatcher} and {@code FeedPoller}
 * in the producer module give the rules). Prints a progress bar on terminals and always a summary.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish articles (.txt/.html files, folders of them, .jsonl files) to Kafka as Avro,",
                "and keep publishing new files of watched folders and new items of RSS/Atom feeds."})
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", defaultValue = "news.articles.raw", description = "Topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to publish once")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--watch", split = EnvironmentDefaults.ONE_PER_LINE, hideParamSyntax = true, paramLabel = "DIR",
            description = "Folder to watch: its article files and those that appear later are published (repeatable)")
    List<Path> watch = new ArrayList<>();

    @Option(names = "--feed", split = EnvironmentDefaults.ONE_PER_LINE, hideParamSyntax = true, paramLabel = "URL", description = "RSS or Atom feed to poll (repeatable)")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--poll-interval", defaultValue = "PT5M", description = "Feed polling interval, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration pollInterval;

    @Option(names = "--watch-interval", defaultValue = "PT1S", description = "Folder scan interval, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration watchInterval;

    @Option(names = "--settle", defaultValue = "PT2S",
            description = "A watched file is read once unchanged (size, mtime) for this long (default: ${DEFAULT-VALUE})")
    Duration settle;

    @Option(names = "--state-dir", defaultValue = "${sys:user.home}/.newsstream/producer",
            description = "Where the ledger of published articles lives (default: ${DEFAULT-VALUE})")
    Path stateDir;

    /**
     * One ledger per cluster and topic under the state directory: an article acknowledged by one
     * cluster has not been published to another, so a shared ledger would wrongly skip it there.
     */
    static Path ledgerDir(final Path stateDir, final ProducerSettings settings) {
        return stateDir.resolve(ArticleDigest.sha256Hex(settings.bootstrapServers() + "|" + settings.topic()).substring(0, 16));
    }

    @Option(names = "--no-ledger", description = "Publish everything again, ignoring and not writing the ledger")
    boolean noLedger;

    @Option(names = "--once", description = "With --watch/--feed: one scan and one poll, then exit")
    boolean once;

    @Option(names = "--batch-size", defaultValue = "500", description = "Sends per acknowledgement wait (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal")
    boolean noProgress;

    @Option(names = {"-v", "--verbose"}, description = "One line per published, skipped or rejected article")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        if (paths.isEmpty() && watch.isEmpty() && feeds.isEmpty()) {
            throw new IllegalArgumentException("nothing to publish: give a PATH, --watch DIR or --feed URL");
        }
        requirePositive("poll-interval", pollInterval);
        requirePositive("watch-interval", watchInterval);
        if (settle.isNegative()) {
            throw new IllegalArgumentException("setting 'settle' must be a non-negative ISO-8601 duration, was " + settle);
        }
        final ProducerSettings settings = new ProducerSettings(kafka.bootstrapServers, kafka.schemaRegistryUrl, topic,
                kafka.kafkaProperties);
        final PrintStream out = System.out;
        try (PublishedLedger ledger = noLedger ? null : PublishedLedger.open(ledgerDir(stateDir, settings));
             ArticlePublisher publisher = new ArticlePublisher(settings)) {
            final boolean live = !watch.isEmpty() || !feeds.isEmpty();
            // Live sources report each article as it goes; a one-shot run only its summary unless --verbose.
            final Ingestion ingestion = new Ingestion(publisher, ledger, batchSize,
                    verbose || live ? printing(out) : Ingestion.Listener.NONE);
            final ArticleReader reader = new ArticleReader(Clock.systemUTC());
            final boolean progress = !noProgress && System.console() != null;
            publishPaths(paths, reader, ingestion, progress ? System.err : null);
            if (live) {
                runLive(reader, ingestion, out);
            }
            final IngestSummary summary = ingestion.summary();
            printSummary(summary, out);
            return summary.failedCount() == 0 && summary.rejectedCount() == 0 ? 0 : 1;
        }
    }

    private void runLive(final ArticleReader reader, final Ingestion ingestion, final PrintStream out)
            throws InterruptedException {
        final List<FolderWatcher> watchers = watch.stream()
                .map(dir -> new FolderWatcher(dir, once ? Duration.ZERO : settle, System::nanoTime, reader, ingestion))
                .toList();
        try (LiveIngest live = new LiveIngest(watchers, feeds, FeedPoller.withDefaults(Clock.systemUTC()), ingestion)) {
            if (once) {
                // Settle time zero: the first scan sees the files, the second reads them as they are.
                live.scanFolders();
                live.scanFolders();
                live.pollFeeds();
                return;
            }
            out.printf("watching %s, polling %d feed(s) every %s; Ctrl-C to stop%n", watch, feeds.size(), pollInterval);
            final CountDownLatch stopped = new CountDownLatch(1);
            final Thread hook = new Thread(stopped::countDown, "newsstream-produce-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            live.start(watchInterval, pollInterval);
            stopped.await();
        }
    }

    /**
     * Publishes every article under {@code paths} once, without a ledger, printing one line per
     * article and a summary; false if any failed or was rejected. Used by {@code local} for the seeds.
     */
    static boolean publish(final ProducerSettings settings, final List<Path> paths, final PrintStream out) {
        try (ArticlePublisher publisher = new ArticlePublisher(settings)) {
            final Ingestion ingestion = new Ingestion(publisher, null, 500, printing(out));
            publishPaths(paths, new ArticleReader(Clock.systemUTC()), ingestion, null);
            final IngestSummary summary = ingestion.summary();
            printSummary(summary, out);
            return summary.failedCount() == 0 && summary.rejectedCount() == 0;
        }
    }

    /** Reads and publishes {@code paths} file by file; draws progress on {@code progressOut} when not null. */
    private static void publishPaths(final List<Path> paths, final ArticleReader reader, final Ingestion ingestion,
                                     final PrintStream progressOut) {
        final List<Path> files = paths.stream().flatMap(p -> ArticleReader.articleFiles(p).stream()).toList();
        final long total = files.stream().mapToLong(ProduceCommand::size).sum();
        final ProgressLine progress = progressOut == null ? null : new ProgressLine(progressOut, total);
        long done = 0;
        for (Path file : files) {
            reader.read(file, ingestion::offer, ingestion::reject);
            done += size(file);
            if (progress != null) {
                progress.update(done, ingestion.summary(), false);
            }
        }
        ingestion.flush();
        if (progress != null) {
            progress.update(done, ingestion.summary(), true);
            progress.finish();
        }
    }

    private static void printSummary(final IngestSummary summary, final PrintStream out) {
        summary.rejected().forEach(r -> out.printf("rejected  %s: %s%n", r.where(), r.reason()));
        summary.failed().forEach(p -> out.printf("FAILED    %-28s %s%n", p.id(), p.error()));
        final long notShown = summary.rejectedCount() + summary.failedCount() - summary.rejected().size() - summary.failed().size();
        if (notShown > 0) {
            out.printf("(%d more rejected or failed not shown)%n", notShown);
        }
        out.println(summary.line());
    }

    private static Ingestion.Listener printing(final PrintStream out) {
        return new Ingestion.Listener() {
            @Override
            public void published(final ArticlePublisher.Published p) {
                out.printf("published %-28s partition %d offset %d%n", p.id(), p.partition(), p.offset());
            }

            @Override
            public void skipped(final String id, final boolean changed) {
                out.printf("skipped   %-28s %s%n", id, changed ? "changed since it was published (ids are published once)"
                        : "already published");
            }
        };
    }

    private static long size(final Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void requirePositive(final String setting, final Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("setting '" + setting + "' must be a positive ISO-8601 duration, was " + value);
        }
    }
}
