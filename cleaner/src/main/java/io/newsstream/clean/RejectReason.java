package io.newsstream.clean;

/** Why an article was not cleaned; the streams app routes these to the dead-letter topic. */
public enum RejectReason {
    /** Null, empty or whitespace-only body, or a body without a single letter or digit. */
    EMPTY,
    /** A large share of control, private-use or unassigned characters: not text. */
    BINARY,
    /** Dominated by U+FFFD replacement characters: the bytes were not valid in their charset. */
    INVALID_ENCODING,
    /** Body longer than {@link CleanerConfig#maxBodyChars()}; checked before anything is read. */
    TOO_LARGE,
    /** Every segment of the body was removed by a rule: nothing of the article is left. */
    ALL_BOILERPLATE,
    /**
     * The cleaner itself failed on this input (a bug, not bad input): the message names the
     * exception, and the article waits in the dead-letter topic for a fix and a redrive.
     */
    INTERNAL
}
