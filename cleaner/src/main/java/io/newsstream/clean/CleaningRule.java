package io.newsstream.clean;

/** One cleaning step over a {@link Draft}; implementations are stateless and thread-safe. */
interface CleaningRule {

    /** The rule name used in {@link RuleRemoval#rule()} and therefore in metrics. */
    String name();

    void apply(Draft draft);
}
