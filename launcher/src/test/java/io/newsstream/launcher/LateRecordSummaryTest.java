package io.newsstream.launcher;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LateRecordSummary}'s minute, on a clock the test moves. */
class LateRecordSummaryTest {

    private static final String LATE = "Skipping record for expired window. topic=[{}] partition=[{}] offset=[{}] "
            + "timestamp=[{}] window={} expiration=[{}] streamTime=[{}]";

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final AtomicLong nowMs = new AtomicLong(1_000_000);
    private final LateRecordSummary summary = new LateRecordSummary(nowMs::get, Duration.ofMinutes(1));
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger windowAggregate = LoggerFactory.getLogger("org.apache.kafka.streams.kstream.internals.KStreamWindowAggregate");

    @BeforeEach
    void listen() {
        LogFormat.configure(context, Objects.requireNonNull(getClass().getResource("/logback-test.xml")));
        context.addTurboFilter(summary);
        lines.setContext(context);
        lines.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(lines);
    }

    @AfterEach
    void restore() {
        LogFormat.configure(context, Objects.requireNonNull(getClass().getResource("/logback-test.xml")));
    }

    @Test
    void shouldShowOneLineAMinuteAndCountTheRestOnceTheMinuteIsOver() {
        late(1); // shown: the first
        at(10_000);
        late(2);
        at(20_000);
        late(3);
        summary.reportIfDue(); // the minute is not over: nothing yet
        assertThat(texts()).containsExactly("late 1");

        at(61_000);
        summary.reportIfDue(); // the timer, after the minute
        summary.reportIfDue(); // and again: reported once
        late(4); // a new minute starts with this line
        at(70_000);
        late(5);
        at(125_000);
        late(6); // the minute after line 4 is over: its count first, then this line

        assertThat(texts()).containsExactly("late 1", "2 more, last 3", "late 4", "1 more, last 5", "late 6");
        assertThat(lines.list).allSatisfy(line -> assertThat(line.getLevel().toString()).isEqualTo("WARN"));
    }

    @Test
    void shouldLetEveryOtherLineOfTheSameLoggerThrough() {
        late(1);
        windowAggregate.warn("Skipping record due to null key. topic=[{}] partition=[{}] offset=[{}]", "t", 0, 7);
        windowAggregate.warn("Skipping record due to null key. topic=[{}] partition=[{}] offset=[{}]", "t", 0, 8);
        LoggerFactory.getLogger("io.newsstream.streams.Other").warn(LATE, "t", 0, 9, 0, "[0,1)", 0, 0);
        late(2);

        assertThat(texts()).containsExactly("late 1", "other", "other", "other");
        summary.reportHeldBack();
        assertThat(texts()).endsWith("1 more, last 2");
    }

    private void late(final long offset) {
        windowAggregate.warn(LATE, "newsstream-country-mentions-repartition", 2, offset, 542559004000L,
                "[542556000000,542559600000)", 542565315000L, 543170115000L);
    }

    private void at(final long afterStartMs) {
        nowMs.set(1_000_000 + afterStartMs);
    }

    /** Each line shortened: "late N" for a late record's, "K more, last N" for a summary, "other" for any other. */
    private List<String> texts() {
        return lines.list.stream().map(event -> {
            final String text = event.getFormattedMessage();
            if (event.getLoggerName().equals(LateRecordSummary.SUMMARY_LOGGER)) {
                return text.substring(0, text.indexOf(' ')) + " more, last " + offset(text.substring(text.indexOf("the last: ")));
            }
            return text.startsWith(LateRecordSummary.LATE_RECORD) && event.getLoggerName().contains("KStreamWindowAggregate")
                    ? "late " + offset(text) : "other";
        }).toList();
    }

    private static String offset(final String line) {
        final int at = line.indexOf("offset=[") + "offset=[".length();
        return line.substring(at, line.indexOf(']', at));
    }
}
