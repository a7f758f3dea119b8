package io.newsstream.registry.server;

import java.util.Locale;

/** Confluent's compatibility levels. BACKWARD: the new schema reads data written with the old. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** New schema must read data written with the old one(s). */
    public boolean backward() {
        return backward;
    }

    /** Old schema(s) must read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every earlier version, not just the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level case-insensitively, as Confluent accepts it; 42203 when unknown. */
    public static CompatibilityLevel parse(String text) {
        if (text != null) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Fall through to the Confluent error below.
            }
        }
        throw RegistryError.invalidCompatibilityLevel();
    }
}
