package io.newsstream.launcher.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.launcher.TestClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsstream local} (broker, registry and streams app in one JVM) stopped with SIGTERM
 * closes the streams app before the JVM halts, so that a restart on the same data directory
 * resumes from its stores instead of wiping every task and restoring it from the changelogs.
 * (Its shutdown hook used to only wake the main thread; the JVM halted half-way through the close.)
 */
@Tag("integration")
class LocalShutdownIT {

    private static final Path LOG = Path.of("target", "reliability", "LocalShutdownIT.log");
    private static final Duration START_BOUND = Duration.ofSeconds(180);
    private static final Duration EXIT_BOUND = Duration.ofSeconds(45);
    private static final String WIPED = "did not find checkpoint offsets";
    private static final String SERVING = "press Ctrl-C to stop";
    private static final String STANDBY_UNASSIGNED = "Unable to assign";

    @TempDir
    Path data;

    @Test
    void shouldCloseCleanlyOnSigtermAndRestartWithoutWipingItsStores() throws Exception {
        Files.deleteIfExists(LOG);
        final List<String> args = List.of("local",
                "--data-dir", data.toString(),
                "--seeds", seedsDir().toString(),
                "--broker-port", String.valueOf(TestClusters.freePort()),
                "--controller-port", String.valueOf(TestClusters.freePort()),
                "--registry-port", String.valueOf(TestClusters.freePort()),
                "--http-port", String.valueOf(TestClusters.freePort()));

        runUntilServingThenTerminate(args, 1);
        final String first = Files.readString(LOG);
        assertThat(first).as("first run").contains("shut down cleanly in");
        // One instance: no standby replicas asked for, so Kafka Streams has none to warn about.
        assertThat(first).as("first run").doesNotContain(STANDBY_UNASSIGNED);
        final String azFirst = row(first, "AZ");

        final int restartAt = first.length();
        runUntilServingThenTerminate(args, 2);
        final String restart = Files.readString(LOG).substring(restartAt);
        assertThat(restart).as("restart on the same data directory").doesNotContain(WIPED).contains("shut down cleanly in");
        assertThat(row(restart, "AZ")).as("Azerbaijan's row after the restart (the seeds are published again)")
                .isEqualTo(azFirst).contains("25");
    }

    /** Runs the command until the log says it is serving for the {@code run}-th time, then sends SIGTERM. */
    private static void runUntilServingThenTerminate(final List<String> args, final int run) throws Exception {
        final NewsstreamProcess local = NewsstreamProcess.start(LOG, args);
        try {
            final long deadline = System.nanoTime() + START_BOUND.toNanos();
            while (Files.readString(LOG).split(SERVING, -1).length - 1 < run) {
                assertThat(local.isAlive()).as("local stack alive; log:%n%s", local.tail(40)).isTrue();
                assertThat(System.nanoTime()).as("serving within %s; log:%n%s", START_BOUND, local.tail(40))
                        .isLessThan(deadline);
                Thread.sleep(500);
            }
            local.mark("SIGTERM by the test");
            local.terminate();
            assertThat(local.waitFor(EXIT_BOUND.toMillis(), TimeUnit.MILLISECONDS))
                    .as("exit status within %s; log:%n%s", EXIT_BOUND, local.tail(30)).isEqualTo(128 + 15);
        } finally {
            local.close();
        }
    }

    /** The country table's row for a country, as the command printed it. */
    private static String row(final String log, final String country) {
        return log.lines().filter(l -> l.matches("\\d+\\s+" + country + "\\s.*")).findFirst().orElse("(no row for " + country + ")");
    }

    private static Path seedsDir() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("seeds"))) {
                return dir.resolve("seeds");
            }
        }
        throw new IOException("no seeds directory at or above " + Path.of("").toAbsolutePath());
    }
}
