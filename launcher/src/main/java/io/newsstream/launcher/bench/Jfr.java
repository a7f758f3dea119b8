package io.newsstream.launcher.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A Flight Recorder recording of another JVM, started and stopped with {@code jcmd} around the measured phase. */
final class Jfr {

    private static final String NAME = "newsstream-bench";

    private final long pid;
    private final Path file;

    private Jfr(final long pid, final Path file) {
        this.pid = pid;
        this.file = file;
    }

    static Jfr start(final long pid, final Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
        return new Jfr(pid, file);
    }

    /** Stops the recording, writes it and returns its execution-sample summary (top 15 of each kind). */
    JfrSummary.Summary stopAndSummarize() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=" + NAME);
        return JfrSummary.of(file, 15);
    }

    Path file() {
        return file;
    }

    private static void jcmd(final long pid, final String... args) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        command.addAll(List.of(args));
        final Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed for pid " + pid);
        }
    }
}
