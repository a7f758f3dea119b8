package io.newsstream.registry.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of the HTTP registry client, read once from Confluent-named configs.
 *
 * @param urls registry base URLs, tried in turn on connection failure
 * @param retryMax how long one request keeps retrying connection failures and 5xx answers
 * @param retryBackoff the first wait between retries; it doubles after each failed round
 * @param retryBackoffMax the longest wait between retries
 * @param connectTimeout TCP connect timeout per attempt
 * @param requestTimeout whole-request timeout per attempt
 * @param authorization the {@code Authorization} header value, if basic auth is configured
 */
public record ClientConfig(List<URI> urls, Duration retryMax, Duration retryBackoff, Duration retryBackoffMax,
                           Duration connectTimeout, Duration requestTimeout, Optional<String> authorization) {

    public static final String RETRY_MAX_MS = "schema.registry.retry.max.ms";
    public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";
    public static final String RETRY_BACKOFF_MAX_MS = "schema.registry.retry.backoff.max.ms";
    public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String PREFIXED_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";

    public ClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url has no URL");
        }
        if (retryMax.isNegative()) {
            throw new IllegalArgumentException(RETRY_MAX_MS + " must not be negative, was " + retryMax.toMillis());
        }
        if (retryBackoff.toMillis() < 1 || retryBackoffMax.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException(RETRY_BACKOFF_MS + " must be at least 1 and at most " + RETRY_BACKOFF_MAX_MS
                    + ", were " + retryBackoff.toMillis() + " and " + retryBackoffMax.toMillis());
        }
    }

    /** Parses a comma-separated URL list and the optional settings. */
    public static ClientConfig parse(String urlList, Map<String, ?> configs) {
        return new ClientConfig(parseUrls(urlList),
                Duration.ofMillis(longValue(configs, RETRY_MAX_MS, 30_000)),
                Duration.ofMillis(longValue(configs, RETRY_BACKOFF_MS, 100)),
                Duration.ofMillis(longValue(configs, RETRY_BACKOFF_MAX_MS, 5_000)),
                Duration.ofMillis(longValue(configs, CONNECT_TIMEOUT_MS, 10_000)),
                Duration.ofMillis(longValue(configs, READ_TIMEOUT_MS, 30_000)),
                authorization(configs));
    }

    private static List<URI> parseUrls(String urlList) {
        List<URI> urls = new ArrayList<>();
        for (String part : urlList.split(",")) {
            String url = part.trim();
            if (url.isEmpty()) {
                continue;
            }
            URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("schema.registry.url must be http(s):// or mock://, was " + url);
            }
            urls.add(uri);
        }
        return urls;
    }

    private static Optional<String> authorization(Map<String, ?> configs) {
        Object source = configs.get(BASIC_AUTH_SOURCE);
        if (source == null || source.toString().isBlank()) {
            return Optional.empty();
        }
        if (!"USER_INFO".equalsIgnoreCase(source.toString().trim())) {
            throw new IllegalArgumentException(BASIC_AUTH_SOURCE + "=" + source
                    + " is not supported; use USER_INFO with " + BASIC_AUTH_USER_INFO + "=user:password");
        }
        Object userInfo = configs.containsKey(BASIC_AUTH_USER_INFO)
                ? configs.get(BASIC_AUTH_USER_INFO) : configs.get(PREFIXED_BASIC_AUTH_USER_INFO);
        if (userInfo == null || !userInfo.toString().contains(":")) {
            // Never echo the value: it is a secret.
            throw new IllegalArgumentException(BASIC_AUTH_USER_INFO + " must be set as user:password when "
                    + BASIC_AUTH_SOURCE + "=USER_INFO");
        }
        String token = Base64.getEncoder().encodeToString(userInfo.toString().getBytes(StandardCharsets.UTF_8));
        return Optional.of("Basic " + token);
    }

    private static long longValue(Map<String, ?> configs, String key, long fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number of milliseconds, was " + value, e);
        }
    }

    @Override
    public String toString() {
        // Keep the credentials out of logs and exception messages.
        return "ClientConfig[urls=" + urls + ", retryMax=" + retryMax + ", basicAuth=" + authorization.isPresent() + "]";
    }
}
