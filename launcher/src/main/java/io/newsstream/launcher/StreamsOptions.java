package io.newsstream.launcher;

import io.newsstream.streams.config.ServerTimeouts;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.config.TopicNames;
import io.newsstream.streams.config.TopologyConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Settings of the streams application, shared by {@code local} and {@code streams}. */
final class StreamsOptions {

    @Option(names = "--application-id", defaultValue = "newsstream",
            description = "Kafka Streams application id, the same on every instance (default: ${DEFAULT-VALUE})")
    String applicationId;

    @Option(names = "--http-port", defaultValue = "8080", description = "Query API port (default: ${DEFAULT-VALUE})")
    int httpPort;

    @Option(names = "--advertised-host", defaultValue = "localhost",
            description = "Host name other instances use to reach this one (application.server; default: ${DEFAULT-VALUE})")
    String advertisedHost;

    @Option(names = "--stream-threads", defaultValue = "1", description = "Stream threads (default: ${DEFAULT-VALUE})")
    int streamThreads;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "Replication factor of the topics and internal topics (default: ${DEFAULT-VALUE})")
    int replicationFactor;

    @Option(names = "--partitions", defaultValue = "3",
            description = "Partitions of the topics created at start (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--processing-guarantee", defaultValue = "exactly_once_v2",
            description = "exactly_once_v2 or at_least_once (default: ${DEFAULT-VALUE})")
    String processingGuarantee;

    @Option(names = "--commit-interval-ms", defaultValue = "100", description = "Commit interval (default: ${DEFAULT-VALUE})")
    long commitIntervalMs;

    @Option(names = "--window-grace", defaultValue = "P7D",
            description = "How late an article may arrive and still count in its window, ISO-8601 (default: ${DEFAULT-VALUE})")
    String windowGrace;

    @Option(names = "--window-retention", defaultValue = "P90D",
            description = "How long windowed counts are kept, ISO-8601 (default: ${DEFAULT-VALUE})")
    String windowRetention;

    @Option(names = "--max-body-chars", defaultValue = "2000000",
            description = "Longer article bodies are dead-lettered as too large (default: ${DEFAULT-VALUE})")
    int maxBodyChars;

    @Option(names = "--dedup-lookback", defaultValue = "P7D",
            description = "The same text under another id within this span counts once, ISO-8601 (default: ${DEFAULT-VALUE})")
    String dedupLookback;

    @Option(names = "--recent-articles", defaultValue = "100",
            description = "Recent articles kept per country (default: ${DEFAULT-VALUE})")
    int recentArticles;

    @Option(names = "--shutdown-timeout", defaultValue = "PT30S",
            description = "On SIGTERM, how long Kafka Streams may take to commit and close its stores, ISO-8601 (default: ${DEFAULT-VALUE})")
    String shutdownTimeout;

    @Option(names = "--http-idle-timeout", defaultValue = "PT30S",
            description = "Close API connections idle this long, ISO-8601 (default: ${DEFAULT-VALUE})")
    String httpIdleTimeout;

    @Option(names = "--http-header-timeout", defaultValue = "PT10S",
            description = "Close API connections whose request headers are not complete within this (at most twice it), "
                    + "ISO-8601 (default: ${DEFAULT-VALUE})")
    String httpHeaderTimeout;

    @Option(names = "--api-token-file", description = "File holding the bearer token the query API requires "
            + "(or set NEWSSTREAM_API_TOKEN); without either, the API is open")
    Path apiTokenFile;

    /** The API token from {@code --api-token-file}, else NEWSSTREAM_API_TOKEN; null when neither is set. */
    String apiToken() {
        if (apiTokenFile != null) {
            try {
                return Files.readString(apiTokenFile).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("setting 'api-token-file': cannot read " + apiTokenFile + " (" + e + ")");
            }
        }
        final String fromEnv = System.getenv("NEWSSTREAM_API_TOKEN");
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
    }

    ServerTimeouts timeouts() {
        return new ServerTimeouts(duration("http-idle-timeout", httpIdleTimeout),
                duration("http-header-timeout", httpHeaderTimeout), duration("shutdown-timeout", shutdownTimeout));
    }

    StreamsAppConfig toConfig(final String bootstrapServers, final String schemaRegistryUrl, final Path stateDir,
                              final String httpHost, final Map<String, String> kafkaOverrides) {
        if (partitions < 1) {
            throw new IllegalArgumentException("setting 'partitions' must be at least 1, was " + partitions);
        }
        final TopologyConfig topology = new TopologyConfig(TopicNames.defaults(), duration("window-grace", windowGrace),
                duration("window-retention", windowRetention), maxBodyChars, duration("dedup-lookback", dedupLookback),
                recentArticles);
        return new StreamsAppConfig(applicationId, bootstrapServers, schemaRegistryUrl, stateDir, httpHost, httpPort,
                advertisedHost, streamThreads, replicationFactor, processingGuarantee, commitIntervalMs, topology,
                kafkaOverrides);
    }

    private static Duration duration(final String setting, final String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("setting '" + setting + "' must be an ISO-8601 duration such as P7D or PT12H, was '"
                    + value + "'");
        }
    }
}
