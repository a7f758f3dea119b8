package io.newsstream.streams.query;

/** The resource does not exist; the message is shown to the caller with a 404. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(final String message) {
        super(message);
    }
}
