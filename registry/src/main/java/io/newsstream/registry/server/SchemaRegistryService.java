package io.newsstream.registry.server;

import io.newsstream.registry.server.store.SchemaRecord;
import io.newsstream.registry.server.store.SchemaStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.avro.Schema;

/**
 * The registry's rules, independent of HTTP: global ids shared by equal schemas across
 * subjects, per-subject versions, compatibility checks on registration and soft deletes, as
 * Confluent's registry applies them for AVRO. Registration runs sync → decide → append and
 * retries when the store reports a concurrent writer won. Thread-safe.
 */
public final class SchemaRegistryService {

    /** Confluent's default when neither the subject nor the registry sets a level. */
    public static final CompatibilityLevel DEFAULT_COMPATIBILITY = CompatibilityLevel.BACKWARD;

    private static final int MAX_WRITE_ATTEMPTS = 10;

    private final SchemaStore store;
    private final Object writeLock = new Object();

    public SchemaRegistryService(SchemaStore store) {
        this.store = store;
    }

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    public int register(String subject, String schemaText) {
        ParsedSchema candidate = ParsedSchema.parse(schemaText);
        synchronized (writeLock) {
            for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
                store.sync();
                List<SchemaRecord> all = store.versions(subject);
                Optional<SchemaRecord> existing = live(all).stream()
                        .filter(r -> r.schema().equals(candidate.canonical())).findFirst();
                if (existing.isPresent()) {
                    return existing.get().id();
                }
                List<String> problems = CompatibilityChecker.check(effectiveCompatibility(subject),
                        candidate.schema(), liveSchemas(subject));
                if (!problems.isEmpty()) {
                    throw RegistryError.incompatible(subject, problems);
                }
                int id = store.idOf(candidate.canonical()).orElse(store.maxId() + 1);
                int version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
                if (store.append(new SchemaRecord(subject, version, id, candidate.canonical(), false))) {
                    return id;
                }
            }
        }
        throw new RegistryError(500, RegistryError.STORE_ERROR,
                "Could not register a schema under subject '" + subject + "': concurrent writers kept winning");
    }

    /** Finds the version of the subject holding this schema (40401, 40403 when absent). */
    public SchemaRecord lookup(String subject, String schemaText, boolean includeDeleted) {
        String canonical = ParsedSchema.parse(schemaText).canonical();
        return readThrough(() -> {
            List<SchemaRecord> versions = includeDeleted ? store.versions(subject) : live(store.versions(subject));
            if (versions.isEmpty()) {
                throw RegistryError.subjectNotFound(subject);
            }
            return versions.stream().filter(r -> r.schema().equals(canonical)).findFirst()
                    .orElseThrow(RegistryError::schemaNotFound);
        });
    }

    /** The schema with this global id, deleted or not, as Confluent serves it (40403). */
    public SchemaRecord byId(int id) {
        return readThrough(() -> store.byId(id).orElseThrow(() -> RegistryError.schemaNotFound(id)));
    }

    /** Highest id in use (for {@code fetchMaxId}). */
    public int maxId() {
        return store.maxId();
    }

    /** Live subject versions that use this id (40403 when the id is unknown). */
    public List<SchemaRecord> versionsOfId(int id) {
        byId(id);
        List<SchemaRecord> uses = new ArrayList<>();
        for (String subject : store.subjects()) {
            live(store.versions(subject)).stream().filter(r -> r.id() == id).forEach(uses::add);
        }
        return uses;
    }

    public List<String> subjects(boolean includeDeleted) {
        return store.subjects().stream()
                .filter(s -> includeDeleted || !live(store.versions(s)).isEmpty()).toList();
    }

    /** Live version numbers of the subject (40401 when it has none). */
    public List<Integer> versions(String subject) {
        List<SchemaRecord> live = liveOrNotFound(subject);
        return live.stream().map(SchemaRecord::version).toList();
    }

    /** A live version by number or {@code latest}/{@code -1} (40401, 40402, 42202). */
    public SchemaRecord version(String subject, String versionText) {
        VersionId versionId = VersionId.parse(versionText);
        return readThrough(() -> {
            List<SchemaRecord> live = liveOrNotFound(subject);
            if (versionId.isLatest()) {
                return live.get(live.size() - 1);
            }
            return live.stream().filter(r -> r.version() == versionId.number()).findFirst()
                    .orElseThrow(() -> RegistryError.versionNotFound(versionId.number()));
        });
    }

    /** Soft-deletes every live version and returns their numbers, as Confluent does (40401). */
    public List<Integer> deleteSubject(String subject) {
        synchronized (writeLock) {
            store.sync();
            List<SchemaRecord> live = liveOrNotFound(subject);
            for (SchemaRecord record : live) {
                store.append(record.asDeleted());
            }
            return live.stream().map(SchemaRecord::version).toList();
        }
    }

    /**
     * Incompatibility messages of the schema against one version of the subject under the
     * subject's level; empty when compatible or when {@code latest} finds no version.
     */
    public List<String> checkCompatibility(String subject, String versionText, String schemaText) {
        VersionId versionId = VersionId.parse(versionText);
        ParsedSchema candidate = ParsedSchema.parse(schemaText);
        List<SchemaRecord> live = live(store.versions(subject));
        List<Schema> against;
        if (versionId.isLatest()) {
            against = live.isEmpty() ? List.of() : List.of(ParsedSchema.parse(live.get(live.size() - 1).schema()).schema());
        } else {
            SchemaRecord record = live.stream().filter(r -> r.version() == versionId.number()).findFirst()
                    .orElseThrow(() -> RegistryError.versionNotFound(versionId.number()));
            against = List.of(ParsedSchema.parse(record.schema()).schema());
        }
        return CompatibilityChecker.check(effectiveCompatibility(subject), candidate.schema(), against);
    }

    public CompatibilityLevel globalCompatibility() {
        return store.compatibility(null).map(CompatibilityLevel::parse).orElse(DEFAULT_COMPATIBILITY);
    }

    public void setGlobalCompatibility(CompatibilityLevel level) {
        store.putCompatibility(null, level.name());
    }

    /** The subject's own level, or the global one when asked to default (40408 otherwise). */
    public CompatibilityLevel subjectCompatibility(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> own = store.compatibility(subject).map(CompatibilityLevel::parse);
        if (own.isPresent()) {
            return own.get();
        }
        if (defaultToGlobal) {
            return globalCompatibility();
        }
        throw RegistryError.subjectCompatibilityNotConfigured(subject);
    }

    public void setSubjectCompatibility(String subject, CompatibilityLevel level) {
        store.putCompatibility(subject, level.name());
    }

    private CompatibilityLevel effectiveCompatibility(String subject) {
        return subjectCompatibility(subject, true);
    }

    private List<Schema> liveSchemas(String subject) {
        return live(store.versions(subject)).stream().map(r -> ParsedSchema.parse(r.schema()).schema()).toList();
    }

    private List<SchemaRecord> liveOrNotFound(String subject) {
        List<SchemaRecord> live = live(store.versions(subject));
        if (live.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return live;
    }

    /**
     * Answers from the local view, and on a miss syncs once and asks again: another server on
     * the same topic may have just written what the caller is asking for.
     */
    private <T> T readThrough(Supplier<T> read) {
        try {
            return read.get();
        } catch (RegistryError e) {
            if (e.status() != 404) {
                throw e;
            }
            store.sync();
            return read.get();
        }
    }

    private static List<SchemaRecord> live(List<SchemaRecord> versions) {
        return versions.stream().filter(r -> !r.deleted()).toList();
    }
}
