package io.newsstream.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one JSON request to the registry: on a connection failure or 5xx it tries the next
 * URL, and when every URL failed it backs off exponentially ({@code retryBackoff} doubling to
 * {@code retryBackoffMax}) until {@code retryMax} has passed, then throws
 * {@link SchemaRegistryUnavailableException}. An outage is logged once when it begins (a
 * warning) and once when the registry answers again, however many requests wait meanwhile. A
 * 4xx answer is final and becomes a {@link SchemaRegistryException} with Confluent's error code.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = "application/vnd.schemaregistry.v1+json,"
            + " application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    private static final long NO_OUTAGE = Long.MIN_VALUE;

    private final ClientConfig config;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private volatile int preferred;
    /** System.nanoTime() when the current outage was first seen, or NO_OUTAGE. */
    private final AtomicLong outageSince = new AtomicLong(NO_OUTAGE);

    RegistryHttp(ClientConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** Sends and returns the parsed JSON answer; {@code body} null means GET. */
    JsonNode send(String pathAndQuery, JsonNode body) {
        long deadline = System.nanoTime() + config.retryMax().toNanos();
        Duration backoff = config.retryBackoff();
        while (true) {
            try {
                JsonNode answer = tryEachUrl(pathAndQuery, body);
                outageEnded();
                return answer;
            } catch (RetryableFailure failure) {
                outageSeen(failure);
                long left = deadline - System.nanoTime();
                if (left <= backoff.toNanos()) {
                    throw new SchemaRegistryUnavailableException("Schema registry " + describeUrls()
                            + " unavailable for " + pathAndQuery + " after retrying " + config.retryMax().toMillis()
                            + " ms: " + failure.getMessage(), failure.getCause());
                }
                LOG.debug("Schema registry {} unavailable ({}); retrying {} in {} ms, giving up in {} ms",
                        describeUrls(), failure.getMessage(), pathAndQuery, backoff.toMillis(), left / 1_000_000);
                sleep(backoff);
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(config.retryBackoffMax()) > 0 ? config.retryBackoffMax() : doubled;
            }
        }
    }

    private void outageSeen(RetryableFailure failure) {
        if (outageSince.compareAndSet(NO_OUTAGE, System.nanoTime())) {
            LOG.warn("Schema registry {} unavailable ({}); requests retry with back-off ({} ms doubling to {} ms) "
                    + "for up to {} ms each; logged once until it answers again", describeUrls(), failure.getMessage(),
                    config.retryBackoff().toMillis(), config.retryBackoffMax().toMillis(), config.retryMax().toMillis());
        }
    }

    private void outageEnded() {
        long since = outageSince.getAndSet(NO_OUTAGE);
        if (since != NO_OUTAGE) {
            LOG.info("Schema registry {} answers again after {} ms unavailable", describeUrls(),
                    (System.nanoTime() - since) / 1_000_000);
        }
    }

    /** One round over the URLs, starting with the last one that answered. */
    private JsonNode tryEachUrl(String pathAndQuery, JsonNode body) {
        List<URI> urls = config.urls();
        RetryableFailure last = null;
        for (int i = 0; i < urls.size(); i++) {
            int index = (preferred + i) % urls.size();
            try {
                JsonNode answer = sendOnce(urls.get(index), pathAndQuery, body);
                preferred = index;
                return answer;
            } catch (RetryableFailure failure) {
                last = failure;
            }
        }
        throw last;
    }

    private JsonNode sendOnce(URI base, String pathAndQuery, JsonNode body) {
        HttpRequest request = request(base, pathAndQuery, body);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RetryableFailure(redact(base) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while calling the schema registry", e);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new RetryableFailure(redact(base) + ": HTTP " + status + " " + errorMessage(response.body()), null);
        }
        JsonNode json = parse(response.body());
        if (status >= 300) {
            throw new SchemaRegistryException(status, json.path("error_code").asInt(status),
                    json.path("message").asText("HTTP " + status));
        }
        return json;
    }

    private HttpRequest request(URI base, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        config.authorization().ifPresent(value -> builder.header("Authorization", value));
        if (body == null) {
            return builder.GET().build();
        }
        return builder.header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build();
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
        } catch (IOException e) {
            return mapper.createObjectNode().put("message", "unparseable answer: " + e.getMessage());
        }
    }

    private String errorMessage(byte[] bytes) {
        return parse(bytes).path("message").asText("");
    }

    private byte[] write(JsonNode body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode request", e);
        }
    }

    ObjectMapper mapper() {
        return mapper;
    }

    private String describeUrls() {
        return config.urls().stream().map(RegistryHttp::redact).toList().toString();
    }

    /** A URL fit for logs: user info stripped. */
    static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryUnavailableException("Interrupted while waiting for the schema registry", e);
        }
    }

    /** A failure worth retrying: no connection, or a 5xx answer. */
    private static final class RetryableFailure extends RuntimeException {
        RetryableFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
