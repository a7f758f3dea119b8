package io.newsstream.streams.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long one instance waits for slow or silent HTTP clients and for its own shutdown.
 * Validated on construction; every message names the setting to change.
 *
 * @param httpIdleTimeout   a connection with no traffic for this long is closed (Jetty's idle timeout)
 * @param httpHeaderTimeout a client gets at least this long, and at most twice this long, to send a
 *                          request's headers; then its connection is closed (slow-header clients,
 *                          "slowloris", which the idle timeout never catches)
 * @param shutdownTimeout   how long {@code close()} waits for Kafka Streams to commit and close its
 *                          stores before giving up (SIGTERM to exit is bounded by this plus a few seconds)
 */
public record ServerTimeouts(Duration httpIdleTimeout, Duration httpHeaderTimeout, Duration shutdownTimeout) {

    private static final Duration MAX = Duration.ofHours(1);

    public ServerTimeouts {
        requireBetween(httpIdleTimeout, "http-idle-timeout", Duration.ofSeconds(1), MAX);
        requireBetween(httpHeaderTimeout, "http-header-timeout", Duration.ofMillis(100), MAX);
        requireBetween(shutdownTimeout, "shutdown-timeout", Duration.ofSeconds(1), MAX);
    }

    /** 30 s idle, 10 s for headers, 30 s to shut down. */
    public static ServerTimeouts defaults() {
        return new ServerTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private static void requireBetween(final Duration value, final String setting, final Duration min, final Duration max) {
        Objects.requireNonNull(value, "setting '" + setting + "' must be set");
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("setting '" + setting + "' must be between " + min + " and " + max
                    + ", was " + value);
        }
    }
}
