package io.newsstream.registry.server.store;

import java.util.Objects;

/**
 * One version of a schema under a subject, as the registry stores it. {@code schema} is the
 * canonical text (Avro's own {@code Schema.toString()} of the parsed schema), so two texts
 * that differ only in white space are the same schema, as in Confluent's registry.
 */
public record SchemaRecord(String subject, int version, int id, String schema, boolean deleted) {

    public SchemaRecord {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        if (id < 1) {
            throw new IllegalArgumentException("id must be >= 1, was " + id);
        }
    }

    /** The same version, marked soft-deleted. */
    public SchemaRecord asDeleted() {
        return new SchemaRecord(subject, version, id, schema, true);
    }
}
