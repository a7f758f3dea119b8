package io.newsstream.launcher.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code newsstream} sub-command in a JVM of its own, on the test's class path, so that it can
 * be killed the hard way: {@link #kill()} is {@code Process.destroyForcibly()}, SIGKILL on Linux
 * (no shutdown hook, no commit, no store flush), or stopped the polite way with {@link #terminate()}
 * (SIGTERM). Output is appended to a log file.
 */
final class NewsstreamProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private NewsstreamProcess(final Process process, final Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java ... io.newsstream.launcher.Newsstream <args>}. */
    static NewsstreamProcess start(final Path log, final List<String> args) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.newsstream.launcher.Newsstream");
        command.addAll(args);
        Files.createDirectories(log.getParent());
        final ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("NEWSSTREAM_LOG_LEVEL", "INFO");
        return new NewsstreamProcess(builder.start(), log);
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM ({@code Process.destroy()} on Linux): the JVM runs its shutdown hooks and exits. */
    void terminate() {
        process.destroy();
    }

    /** Waits for a normal exit; the exit code, or -1 if still running after the timeout. */
    int waitFor(final long timeout, final TimeUnit unit) throws InterruptedException {
        return process.waitFor(timeout, unit) ? process.exitValue() : -1;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the process output, for failure messages. */
    String tail(final int lines) {
        try {
            final List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Appends a line of the test's own to the process log, to read the log against the test's actions. */
    void mark(final String line) {
        try {
            Files.writeString(log, "=== " + java.time.LocalTime.now() + " " + line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the mark is a reading aid only
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
