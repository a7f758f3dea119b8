package io.newsstream.registry.server.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The materialised view of the registry's records, applied in log order. Conflict rule,
 * identical on every server reading the same log: the first record wins; a later record that
 * would give an id to a different schema, or a subject version to a different id, is ignored.
 * Not thread-safe: the owning store synchronises.
 */
final class StoreState {

    private final Map<Integer, SchemaRecord> byId = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, SchemaRecord>> bySubject = new HashMap<>();
    private final Map<String, String> subjectCompatibility = new HashMap<>();
    private String globalCompatibility;
    private int maxId;

    /** Applies a record; returns false when it conflicts with an earlier one and is ignored. */
    boolean apply(SchemaRecord record) {
        SchemaRecord sameId = byId.get(record.id());
        if (sameId != null && !sameId.schema().equals(record.schema())) {
            return false;
        }
        SchemaRecord sameVersion = version(record.subject(), record.version());
        if (sameVersion != null && sameVersion.id() != record.id()) {
            return false;
        }
        byId.putIfAbsent(record.id(), record);
        idBySchema.putIfAbsent(record.schema(), record.id());
        bySubject.computeIfAbsent(record.subject(), s -> new TreeMap<>()).put(record.version(), record);
        maxId = Math.max(maxId, record.id());
        return true;
    }

    /** A tombstone for a subject version (a hard delete written by another registry). */
    void remove(String subject, int version) {
        TreeMap<Integer, SchemaRecord> versions = bySubject.get(subject);
        if (versions != null) {
            versions.remove(version);
            if (versions.isEmpty()) {
                bySubject.remove(subject);
            }
        }
    }

    void putCompatibility(String subject, String level) {
        if (subject == null) {
            globalCompatibility = level;
        } else if (level == null) {
            subjectCompatibility.remove(subject);
        } else {
            subjectCompatibility.put(subject, level);
        }
    }

    SchemaRecord version(String subject, int version) {
        TreeMap<Integer, SchemaRecord> versions = bySubject.get(subject);
        return versions == null ? null : versions.get(version);
    }

    Optional<SchemaRecord> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<Integer> idOf(String canonicalSchema) {
        return Optional.ofNullable(idBySchema.get(canonicalSchema));
    }

    List<SchemaRecord> versions(String subject) {
        TreeMap<Integer, SchemaRecord> versions = bySubject.get(subject);
        return versions == null ? List.of() : List.copyOf(new ArrayList<>(versions.values()));
    }

    Set<String> subjects() {
        return new TreeSet<>(bySubject.keySet());
    }

    int maxId() {
        return maxId;
    }

    Optional<String> compatibility(String subject) {
        return Optional.ofNullable(subject == null ? globalCompatibility : subjectCompatibility.get(subject));
    }
}
