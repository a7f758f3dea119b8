package io.newsstream.streams.topology;

import io.newsstream.registry.client.SchemaRegistryUnavailableException;

/**
 * Tells a registry outage apart from a bad record. A record whose schema could not be fetched or
 * registered because the registry did not answer is not bad: it must not be dead-lettered or
 * skipped, but processed again once the registry is back. The handlers then fail the task; under
 * exactly-once its transaction is aborted and the replaced stream thread resumes from the last
 * commit, with the registry client's back-off between attempts.
 */
public final class RegistryOutage {

    private RegistryOutage() {
    }

    /** True when {@code failure} or one of its causes is {@link SchemaRegistryUnavailableException}. */
    public static boolean isCause(final Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryUnavailableException) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}
