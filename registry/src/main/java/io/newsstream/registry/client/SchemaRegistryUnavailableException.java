package io.newsstream.registry.client;

/** No registry URL answered (or all answered 5xx) within {@code schema.registry.retry.max.ms}. */
public final class SchemaRegistryUnavailableException extends SchemaRegistryException {

    public SchemaRegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
