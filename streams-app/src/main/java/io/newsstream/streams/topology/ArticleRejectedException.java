package io.newsstream.streams.topology;

/**
 * Thrown by a stage for an article it refuses (empty, binary, too large, ...). The processing
 * exception handler turns it into a dead-letter record carrying {@link #stage()} and
 * {@link #reason()} in headers; processing then resumes with the next record.
 */
public final class ArticleRejectedException extends RuntimeException {

    private final String stage;
    private final String reason;

    public ArticleRejectedException(final String stage, final String reason, final String message) {
        super(message);
        this.stage = stage;
        this.reason = reason;
    }

    /** The stage that refused the article, e.g. {@code clean}. */
    public String stage() {
        return stage;
    }

    /** A machine-readable reason, e.g. {@code EMPTY} or {@code TOO_LARGE}. */
    public String reason() {
        return reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // An expected rejection, not a bug: the stack trace would cost more than the record.
        return this;
    }
}
