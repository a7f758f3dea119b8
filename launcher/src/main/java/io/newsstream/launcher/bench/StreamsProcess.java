package io.newsstream.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One streams-app instance in its own JVM ({@code newsstream streams}), so that its CPU time and
 * heap are its own: CPU time is read from {@code /proc/<pid>/stat} (user + system, all threads),
 * peak heap is the largest heap-in-use before a collection in its GC log ({@code -Xlog:gc}),
 * peak RSS is {@code VmHWM} from {@code /proc/<pid>/status}. Stopped with SIGTERM, which runs
 * the app's shutdown hook (commit, close stores).
 */
final class StreamsProcess implements AutoCloseable {

    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final double CLOCK_TICKS = 100.0;

    private final Process process;
    private final int httpPort;
    private final Path gcLog;
    private final Path stateDir;
    private long peakRssKb;

    private StreamsProcess(final Process process, final int httpPort, final Path gcLog, final Path stateDir) {
        this.process = process;
        this.httpPort = httpPort;
        this.gcLog = gcLog;
        this.stateDir = stateDir;
    }

    /** Starts {@code newsstream streams} with {@code heap} max heap and the given extra JVM and app arguments. */
    static StreamsProcess start(final Path workDir, final String name, final String heap, final List<String> jvmExtra,
                                final List<String> appArgs, final int httpPort) {
        try {
            final Path dir = Files.createDirectories(workDir.resolve(name));
            final Path gcLog = dir.resolve("gc.log");
            final Path stateDir = dir.resolve("state");
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + heap);
            command.add("-Xlog:gc:file=" + gcLog);
            command.addAll(jvmExtra);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.newsstream.launcher.Newsstream");
            command.add("streams");
            command.addAll(appArgs);
            command.addAll(List.of("--http-port", String.valueOf(httpPort), "--http-host", "127.0.0.1",
                    "--advertised-host", "127.0.0.1", "--state-dir", stateDir.toString()));
            final Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("streams.log").toFile())
                    .start();
            return new StreamsProcess(process, httpPort, gcLog, stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the streams process " + name, e);
        }
    }

    void awaitReady(final Duration timeout) throws InterruptedException {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the streams process exited with " + process.exitValue()
                        + "; see its streams.log beside " + gcLog);
            }
            try {
                final HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the streams process was not ready within " + timeout);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    long pid() {
        return process.pid();
    }

    /** User + system CPU seconds of the whole process so far. */
    double cpuSeconds() {
        try {
            final String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Samples the resident set high-water mark (kept across calls, since it is gone once the process exits). */
    long peakRssMb() {
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            lines.filter(l -> l.startsWith("VmHWM:")).findFirst().ifPresent(l ->
                    peakRssKb = Math.max(peakRssKb, Long.parseLong(l.replaceAll("\\D", ""))));
        } catch (IOException | RuntimeException e) {
            // exited: keep the last sample
        }
        return peakRssKb / 1024;
    }

    /** Largest heap in use before any collection so far, in MB (from the GC log); -1 before the first GC. */
    long peakHeapMb() {
        long peak = -1;
        try (Stream<String> lines = Files.lines(gcLog)) {
            for (String line : (Iterable<String>) lines::iterator) {
                final Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return peak;
    }

    /** Bytes on disk under the state directory (RocksDB files, checkpoints). */
    long stateBytes() {
        try (Stream<Path> files = Files.walk(stateDir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        peakRssMb();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
