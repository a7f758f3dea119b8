package io.newsstream.fuzz;

import java.time.Duration;

/**
 * Time bound for one fuzz input: generous, so that Jazzer's instrumentation (several times
 * slower) and a loaded machine pass, while a hang or super-linear blow-up on a few-KB input fails.
 */
final class Bounds {

    private Bounds() {
    }

    /** Five seconds plus one millisecond per 10 characters. */
    static Duration perInput(final int chars) {
        return Duration.ofSeconds(5).plusMillis(chars / 10L);
    }
}
