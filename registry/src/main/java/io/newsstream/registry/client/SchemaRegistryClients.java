package io.newsstream.registry.client;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates registry clients from a {@code schema.registry.url}: a comma-separated list of
 * http(s) URLs gives a {@link CachingSchemaRegistryClient}; {@code mock://scope} gives the
 * in-memory registry of that scope, shared by every client of the same scope in the JVM (as
 * Confluent's {@code mock://}), until {@link #dropScope(String)}.
 */
public final class SchemaRegistryClients {

    public static final String MOCK_PREFIX = "mock://";

    // Static on purpose: serdes that Kafka Streams instantiates from config can meet only
    // through the JVM, and mock:// promises them one registry per scope name. Tests drop
    // their scope when done.
    private static final ConcurrentMap<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(String url, Map<String, ?> configs) {
        Objects.requireNonNull(url, "schema.registry.url");
        String trimmed = url.trim();
        if (trimmed.startsWith(MOCK_PREFIX)) {
            String scope = trimmed.substring(MOCK_PREFIX.length());
            if (scope.contains(",")) {
                throw new IllegalArgumentException("schema.registry.url takes one mock:// scope, was " + url);
            }
            return SCOPES.computeIfAbsent(scope, name -> new InMemorySchemaRegistryClient());
        }
        return new CachingSchemaRegistryClient(trimmed, configs == null ? Map.of() : configs);
    }

    /** Forgets the in-memory registry of a {@code mock://} scope (name with or without the prefix). */
    public static void dropScope(String scope) {
        String name = scope.startsWith(MOCK_PREFIX) ? scope.substring(MOCK_PREFIX.length()) : scope;
        SCOPES.remove(name);
    }
}
