package io.newsstream.registry.server.store;

/** A store that lives and dies with the JVM: for tests and the {@code mock://} client. */
public final class InMemorySchemaStore extends LocalViewStore {

    @Override
    public void sync() {
        // The local view is the source of truth.
    }

    @Override
    public synchronized boolean append(SchemaRecord record) {
        return state.apply(record);
    }

    @Override
    public synchronized void putCompatibility(String subject, String level) {
        state.putCompatibility(subject, level);
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
