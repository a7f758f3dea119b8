package io.newsstream.registry.serde;

import java.util.Map;

/**
 * Serde settings, named as Confluent names them, read once in {@code configure}.
 *
 * @param registryUrl {@code schema.registry.url}: comma-separated http(s) URLs or {@code mock://scope}
 * @param autoRegister {@code auto.register.schemas} (default true): register on write, else only look up
 */
record AvroSerdeConfig(String registryUrl, boolean autoRegister) {

    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        Object auto = configs.get(AUTO_REGISTER_SCHEMAS);
        return new AvroSerdeConfig(url == null ? null : url.toString(),
                auto == null || Boolean.parseBoolean(auto.toString().trim()));
    }

    /** The URL, or a message naming the missing setting. */
    String requireUrl() {
        if (registryUrl == null || registryUrl.isBlank()) {
            throw new IllegalArgumentException(SCHEMA_REGISTRY_URL + " is required (http(s)://host:port or mock://scope)");
        }
        return registryUrl;
    }
}
