package io.newsstream.streams.config;

import java.util.List;
import java.util.Objects;

/**
 * Who may call the query API.
 *
 * @param bearerToken  when set, every {@code /api} and {@code /internal} request needs
 *                     {@code Authorization: Bearer <token>} (instances forward it to each other);
 *                     health endpoints stay open for probes. Read from a file or environment
 *                     variable, never from a flag value, and never logged.
 * @param corsOrigins  origins allowed to call the API from a browser; empty means CORS is off
 */
public record ApiSecurityConfig(String bearerToken, List<String> corsOrigins) {

    public ApiSecurityConfig {
        if (bearerToken != null && bearerToken.length() < 16) {
            throw new IllegalArgumentException("the API token (NEWSSTREAM_API_TOKEN, or the file named by 'api-token-file') "
                    + "must be at least 16 characters");
        }
        corsOrigins = List.copyOf(Objects.requireNonNullElse(corsOrigins, List.of()));
    }

    public static ApiSecurityConfig open() {
        return new ApiSecurityConfig(null, List.of());
    }

    @Override
    public String toString() {
        return "ApiSecurityConfig[bearerToken=" + (bearerToken == null ? "none" : "***") + ", corsOrigins=" + corsOrigins + "]";
    }
}
