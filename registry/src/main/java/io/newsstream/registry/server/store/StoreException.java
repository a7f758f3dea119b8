package io.newsstream.registry.server.store;

/** The backing store could not be read or written in time (Confluent error code 50001). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
