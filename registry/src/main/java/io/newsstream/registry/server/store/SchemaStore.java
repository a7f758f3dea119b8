package io.newsstream.registry.server.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the registry keeps schema versions and compatibility settings. Reads answer from a
 * local view; {@link #sync()} brings that view up to date with the source of truth, and
 * {@link #append(SchemaRecord)} tells whether a write was accepted, so that the registry can
 * assign ids with optimistic concurrency (sync, compute, append, retry when another writer won).
 */
public interface SchemaStore extends AutoCloseable {

    /** Blocks until the local view includes every write acknowledged before this call. */
    void sync();

    /** The first record that was stored with this id (ids are global, across subjects). */
    Optional<SchemaRecord> byId(int id);

    /** The id already given to this canonical schema text under any subject. */
    Optional<Integer> idOf(String canonicalSchema);

    /** Every version of the subject, soft-deleted ones included, by ascending version. */
    List<SchemaRecord> versions(String subject);

    /** Every subject that has at least one version, soft-deleted ones included. */
    Set<String> subjects();

    /** Highest id in use, 0 when empty. */
    int maxId();

    /** Compatibility level set for a subject, or the global one when {@code subject} is null. */
    Optional<String> compatibility(String subject);

    /**
     * Writes a schema version and waits until it is durable and visible locally.
     *
     * @return true if the record is now part of the store; false if a concurrent writer took
     *     its version or its id first (the caller syncs and retries)
     */
    boolean append(SchemaRecord record);

    /** Sets the compatibility level of a subject, or the global one when {@code subject} is null. */
    void putCompatibility(String subject, String level);

    @Override
    void close();
}
