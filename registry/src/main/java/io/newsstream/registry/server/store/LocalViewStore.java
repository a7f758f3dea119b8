package io.newsstream.registry.server.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read side both stores share: every read answers from the local {@link StoreState} under
 * the store's monitor, which is also held wherever a subclass changes that state.
 */
abstract class LocalViewStore implements SchemaStore {

    /** Guarded by {@code this}. */
    protected final StoreState state = new StoreState();

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
}
