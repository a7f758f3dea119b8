package io.newsstream.launcher;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns Kafka Streams' one WARN line per record that came too late for its time window ("Skipping
 * record for expired window. topic=[...] ...") into at most one such line a minute and a count of
 * the rest. Listed in {@code logback.xml}.
 *
 * <p>Why: an archive published out of event-time order (a backfill; the Reuters corpus through
 * {@code ./newsstream local --seeds}) makes the hourly and daily window aggregations skip every
 * record older than the stream time less the window grace, and Kafka Streams logs each one: 4,062
 * lines for 8,000 Reuters articles on 2026-11-23, burying everything else. Each skipped record is
 * also counted in Kafka Streams' {@code dropped-records} metric ({@code /metrics}:
 * {@code kafka_stream_task_dropped_records_total}); the all-time counts include the record either way.
 *
 * <p>The first such line comes out as Kafka logs it. Those in the minute after it are held back and
 * counted; once the minute is over, one line from {@value #SUMMARY_LOGGER} says how many, with the
 * last one held back, and the next late record's line comes out again. A timer reports a minute's
 * count even when no late record follows it, and what is still held back at exit is reported then.
 * Kafka Streams' other lines, about records skipped for other reasons (an expired segment, a null
 * key) among them, come out as they are.
 */
public final class LateRecordSummary extends TurboFilter {

    static final String LATE_RECORD = "Skipping record for expired window.";
    static final String SUMMARY_LOGGER = "io.newsstream.streams.LateRecords";
    /** Where Kafka Streams' window aggregations live (time, sliding and session windows). */
    private static final String WINDOW_AGGREGATIONS = "org.apache.kafka.streams.kstream.internals.";
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final LongSupplier clockMs;
    private final long intervalMs;
    // Guarded by this.
    private boolean shownOnce;
    private long shownAtMs;
    private long heldBack;
    private String lastFormat;
    private Object[] lastParams;
    private ScheduledExecutorService timer;
    private Thread atExit;

    /** As logback makes it: a minute, by the system clock. */
    public LateRecordSummary() {
        this(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()), INTERVAL);
    }

    LateRecordSummary(final LongSupplier clockMs, final Duration interval) {
        this.clockMs = clockMs;
        this.intervalMs = interval.toMillis();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || format == null || logger == null || !format.startsWith(LATE_RECORD)
                || !logger.getName().startsWith(WINDOW_AGGREGATIONS)) {
            return FilterReply.NEUTRAL;
        }
        final Held held;
        synchronized (this) {
            final long now = clockMs.getAsLong();
            if (shownOnce && now - shownAtMs < intervalMs) {
                heldBack++;
                lastFormat = format;
                lastParams = params;
                return FilterReply.DENY;
            }
            held = takeHeld();
            shownOnce = true;
            shownAtMs = now;
        }
        report(held); // the count of the minute before comes out ahead of this line
        return FilterReply.NEUTRAL;
    }

    /** Reports what the minute after the last line shown held back, once that minute is over (the timer's task). */
    void reportIfDue() {
        final Held held;
        synchronized (this) {
            if (heldBack == 0 || clockMs.getAsLong() - shownAtMs < intervalMs) {
                return;
            }
            held = takeHeld();
        }
        report(held);
    }

    /** Reports what is held back now, due or not (at exit). */
    void reportHeldBack() {
        final Held held;
        synchronized (this) {
            held = takeHeld();
        }
        report(held);
    }

    @Override
    public void start() {
        synchronized (this) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                final Thread thread = new Thread(runnable, "late-record-summary");
                thread.setDaemon(true);
                return thread;
            });
            final long period = Math.max(1, intervalMs / 12);
            timer.scheduleWithFixedDelay(this::reportIfDue, period, period, TimeUnit.MILLISECONDS);
            // Logback is not stopped at exit (no shutdown hook of its own here), so its appenders
            // still write while this runs.
            atExit = new Thread(this::reportHeldBack, "late-record-summary-at-exit");
            Runtime.getRuntime().addShutdownHook(atExit);
        }
        super.start();
    }

    /**
     * Logback stops the filter when it is reconfigured, after it has detached the appenders, so
     * nothing could be reported here; that happens as a command starts, before any record is read.
     */
    @Override
    public void stop() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
            if (atExit != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(atExit);
                } catch (IllegalStateException exiting) {
                    // the JVM is exiting: the hook runs anyway
                }
                atExit = null;
            }
        }
        super.stop();
    }

    private Held takeHeld() {
        final Held held = heldBack == 0 ? null
                : new Held(heldBack, MessageFormatter.arrayFormat(lastFormat, lastParams).getMessage());
        heldBack = 0;
        lastFormat = null;
        lastParams = null;
        return held;
    }

    private record Held(long count, String last) {
    }

    private void report(final Held held) {
        if (held == null) {
            return;
        }
        LoggerFactory.getLogger(SUMMARY_LOGGER).warn("{} more record(s) came too late for their time window, as the one "
                        + "logged before, and were left out of the windowed counts (not the all-time ones); the last: {} "
                        + "(--window-grace sets how late a record may come; /metrics counts them in kafka_stream_task_dropped_records_total)",
                held.count(), held.last());
    }
}
