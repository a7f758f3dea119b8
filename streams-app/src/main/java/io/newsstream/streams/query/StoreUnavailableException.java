package io.newsstream.streams.query;

/** A state store could not be queried within the retry budget; the API answers 503. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(final String store, final String detail) {
        super("store '" + store + "' is not queryable right now: " + detail);
    }
}
