package io.newsstream.registry.server.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A store that lives and dies with the JVM: for tests and the {@code mock://} client. */
public final class InMemorySchemaStore implements SchemaStore {

    private final StoreState state = new StoreState();

    @Override
    public void sync() {
        // The local view is the source of truth.
    }

    @Override
    public synchronized Optional<SchemaRecord> byId(int id) {
        return state.byId(id);
    }

    @Override
    public synchronized Optional<Integer> idOf(String canonicalSchema) {
        return state.idOf(canonicalSchema);
    }

    @Override
    public synchronized List<SchemaRecord> versions(String subject) {
        return state.versions(subject);
    }

    @Override
    public synchronized Set<String> subjects() {
        return state.subjects();
    }

    @Override
    public synchronized int maxId() {
        return state.maxId();
    }

    @Override
    public synchronized Optional<String> compatibility(String subject) {
        return state.compatibility(subject);
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
