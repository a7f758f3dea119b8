package io.newsstream.launcher.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The all-time counts and readiness of one instance, read through its HTTP API. */
final class CountsApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final int port;

    CountsApi(final int port) {
        this.port = port;
    }

    /** The all-time count of every country, or empty while the instance cannot answer. */
    Optional<Map<String, Long>> allTimeCounts() {
        try {
            final HttpResponse<String> response = http.send(request("/api/v1/countries/top?limit=300"),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            final Map<String, Long> counts = new TreeMap<>();
            for (JsonNode row : JSON.readTree(response.body())) {
                counts.put(row.get("country").asText(), row.get("count").asLong());
            }
            return Optional.of(counts);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether the instance reports itself ready (Kafka Streams RUNNING). */
    boolean ready() {
        try {
            return http.send(request("/health/ready"), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest request(final String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build();
    }
}
