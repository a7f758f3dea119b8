package io.newsstream.launcher.reliability;

import io.newsstream.launcher.TestClusters;
import io.newsstream.launcher.TestStackExtension;
import io.newsstream.schema.RawArticle;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer killed (SIGKILL) part-way through a folder of small article files, twice, then
 * run to completion: every file ends up counted exactly once. A re-run publishes at least every
 * file not known to be acknowledged (so nothing is skipped), and whatever it sends twice the app
 * lets through once per id (so nothing is counted twice).
 *
 * <p>{@code -Dproducer.files=N -Dproducer.kills=K} for a longer run.
 */
@Tag("integration")
class ProducerCrashIT {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final int FILES = Integer.getInteger("producer.files", 1_500);
    private static final int KILLS = Integer.getInteger("producer.kills", 2);
    private static final long SEED = Long.getLong("producer.seed", 7L);

    @TempDir
    static Path work;

    @RegisterExtension
    static final TestStackExtension STACK = TestStackExtension.singleNode(TOPICS);

    @Test
    void shouldCountEveryFileOnceWhenTheProducerIsKilledAndRunAgain() throws Exception {
        final Path folder = Files.createDirectories(work.resolve("articles"));
        final Set<String> ids = new TreeSet<>();
        for (RawArticle article : Corpus.articles("file", FILES, SEED)) {
            Files.writeString(folder.resolve(article.getId() + ".txt"), article.getTitle() + "\n\n" + article.getBody());
            ids.add(article.getId());
        }
        final Random random = new Random(SEED);
        final StreamsAppConfig config = new StreamsAppConfig("producer-crash-it", STACK.bootstrapServers(), STACK.registryUrl(),
                work.resolve("state"), "127.0.0.1", TestClusters.freePort(), "localhost", 1, 1, "exactly_once_v2", 100, TopologyConfig.defaults(),
                Map.of());
        try (StreamsApp app = new StreamsApp(config, Map.of())) {
            app.start();
            for (int kill = 1; kill <= KILLS; kill++) {
                killPartWay(folder, random, kill);
            }
            final NewsstreamProcess last = produce(folder);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("final producer run exit code; log:%n%s", last.tail(20))
                    .isZero();
            final long raw = Publishing.endOffsets(STACK.bootstrapServers(), TOPICS.raw());
            report("final run published all %d files; %d raw records in all (re-sends included)", FILES, raw);

            final CountsApi api = new CountsApi(app.httpPort());
            final Outputs outputs = new Outputs(STACK.bootstrapServers(), STACK.registryUrl());
            final Outputs.Tagged tagged = Awaits.taggedAndCounted(api, outputs, TOPICS.tagged(), ids, Duration.ofSeconds(180));
            Thread.sleep(3_000);
            final Outputs.Tagged settled = outputs.tagged(TOPICS.tagged());
            assertThat(settled.duplicates()).as("ids on the tagged topic more than once").isEmpty();
            assertThat(settled.occurrences().keySet()).as("ids on the tagged topic").isEqualTo(ids);
            assertThat(api.allTimeCounts()).as("all-time counts over HTTP").contains(tagged.expectedCounts());
            assertThat(outputs.latestCounts(TOPICS.counts())).isEqualTo(tagged.expectedCounts());
            assertThat(app.isRunning()).isTrue();
        }
    }

    /**
     * Starts the producer, SIGKILLs it once a random 10–80 % of the files it still has to publish
     * are on the topic (so every kill lands mid-run, however many came before), checks it was.
     */
    private static void killPartWay(final Path folder, final Random random, final int kill) throws Exception {
        final long before = Publishing.endOffsets(STACK.bootstrapServers(), TOPICS.raw());
        // Records on the topic include re-sends of files in flight at earlier kills: this
        // under-estimates what is left, which only makes the kill land earlier.
        final int remaining = (int) Math.max(10, FILES - before);
        final long target = before + remaining / 10 + random.nextInt(remaining * 7 / 10);
        final NewsstreamProcess producer = produce(folder);
        final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long now;
        while ((now = Publishing.endOffsets(STACK.bootstrapServers(), TOPICS.raw())) < target && producer.isAlive()) {
            assertThat(System.nanoTime()).as("producer progress within 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(producer.isAlive()).as("producer still running at kill %d (it must not have finished)", kill).isTrue();
        producer.kill();
        final long after = Publishing.endOffsets(STACK.bootstrapServers(), TOPICS.raw());
        report("SIGKILL %d of the producer: %d of %d files on the topic at the kill (%d when checked after)", kill,
                now - before, FILES, after - before);
        assertThat(after - before).as("kill %d landed part-way", kill).isLessThan(FILES);
    }

    private static NewsstreamProcess produce(final Path folder) throws Exception {
        return NewsstreamProcess.start(Path.of("target", "reliability", "ProducerCrashIT-produce.log"), List.of("produce",
                folder.toString(), "--bootstrap-servers", STACK.bootstrapServers(), "--schema-registry-url", STACK.registryUrl(),
                "--state-dir", folder.resolveSibling(folder.getFileName() + "-producer-state").toString()));
    }

    private static void report(final String format, final Object... args) {
        System.out.printf("[ProducerCrashIT] " + format + "%n", args);
    }
}
