package io.newsstream.launcher.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aggregates the {@code jdk.ExecutionSample} events of a JFR recording (what {@code jfr print
 * --events jdk.ExecutionSample} shows one by one): share of samples per top frame (self time),
 * per first newsstream frame on the stack (inclusive time of our code) and per thread.
 */
final class JfrSummary {

    /** Sample shares, largest first. */
    record Summary(long samples, Map<String, Double> selfTop, Map<String, Double> newsstreamInclusive,
                   Map<String, Double> threads) {
    }

    private JfrSummary() {
    }

    static Summary of(final Path recording, final int top) throws IOException {
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> ours = new HashMap<>();
        final Map<String, Long> threads = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            final RecordedStackTrace stack = event.getStackTrace();
            final List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1L, Long::sum);
            }
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("io.newsstream."))
                    .findFirst().ifPresent(f -> ours.merge(name(f), 1L, Long::sum));
            final String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1L, Long::sum);
        }
        return new Summary(samples, shares(self, samples, top), shares(ours, samples, top), shares(threads, samples, top));
    }

    private static String name(final RecordedFrame frame) {
        final String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static Map<String, Double> shares(final Map<String, Long> counts, final long total, final int top) {
        final Map<String, Double> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.put(e.getKey(), Math.round(1000.0 * e.getValue() / Math.max(1, total)) / 10.0));
        return out;
    }
}
