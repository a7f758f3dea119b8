package io.newsstream.clean;

/** The result of {@link ArticleCleaner#clean(RawText)}: a cleaned article or a reason to reject it. */
public sealed interface CleanOutcome {

    /** The article survived cleaning. */
    record Cleaned(CleanedText article) implements CleanOutcome {
    }

    /** The article cannot be used; {@code message} says why in words fit for a dead-letter header. */
    record Rejected(RejectReason reason, String message) implements CleanOutcome {
    }
}
