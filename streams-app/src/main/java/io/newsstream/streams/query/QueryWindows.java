package io.newsstream.streams.query;

import io.newsstream.streams.topology.StoreNames;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * Parses the API's time parameters and maps a requested span to the window store that answers
 * it: hourly windows for spans up to seven days, daily windows beyond. A span counts the windows
 * that start within it, in UTC.
 */
final class QueryWindows {

    static final Duration HOUR = Duration.ofHours(1);
    static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOURLY_UP_TO = Duration.ofDays(7);
    /** Far beyond any window retention; keeps {@code at - span} and window arithmetic inside Instant's range. */
    private static final Duration MAX_SPAN = Duration.ofDays(100 * 366);
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private QueryWindows() {
    }

    /** The span of {@code window} ("all" → null), naming {@code parameter} in the error. */
    static Duration span(final String window, final String parameter) {
        if (window == null || window.equals("all")) {
            return null;
        }
        final Duration d = parseDuration(window);
        if (d == null) {
            throw new BadRequestException("query parameter '" + parameter + "' must be 'all' or an ISO-8601 duration such as PT24H or P7D, was '"
                    + abbreviate(window) + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new BadRequestException("query parameter '" + parameter + "' must be a positive duration");
        }
        if (d.compareTo(MAX_SPAN) > 0) {
            throw new BadRequestException("query parameter '" + parameter + "' must be at most " + MAX_SPAN.toDays() + " days");
        }
        return d;
    }

    /** PT24H, P7D (Duration) or P2W, P1M (Period, a month counted as 30 days); null when neither. */
    private static Duration parseDuration(final String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException notADuration) {
            try {
                return durationOf(Period.parse(value));
            } catch (DateTimeParseException notAPeriod) {
                return null;
            }
        }
    }

    private static Duration durationOf(final Period period) {
        return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
    }

    static Instant instant(final String value, final String parameter, final Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        final Instant parsed;
        try {
            parsed = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("query parameter '" + parameter + "' must be an ISO-8601 instant such as 2023-05-28T00:00:00Z, was '"
                    + abbreviate(value) + "'");
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw new BadRequestException("query parameter '" + parameter + "' must be between years 0000 and 9999, was '"
                    + abbreviate(value) + "'");
        }
        return parsed;
    }

    static String countStoreFor(final Duration span) {
        return span.compareTo(HOURLY_UP_TO) <= 0 ? StoreNames.COUNTRY_COUNTS_HOURLY : StoreNames.COUNTRY_COUNTS_DAILY;
    }

    static Duration sizeOf(final String store) {
        return store.equals(StoreNames.COUNTRY_COUNTS_HOURLY) ? HOUR : DAY;
    }

    /** The largest window start at or before {@code t}. */
    static Instant floor(final Instant t, final Duration size) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), size.toMillis()) * size.toMillis());
    }

    /** The first window start at or after {@code t}. */
    static Instant ceil(final Instant t, final Duration size) {
        final Instant floor = floor(t, size);
        return floor.equals(t) ? t : floor.plus(size);
    }

    static String abbreviate(final String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
