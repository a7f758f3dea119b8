package io.newsstream.streams.query;

/** A request parameter is invalid; the message names it and is shown to the caller with a 400. */
public final class BadRequestException extends RuntimeException {

    public BadRequestException(final String message) {
        super(message);
    }
}
