package io.newsstream.registry.client;

import org.apache.avro.Schema;

/**
 * What the Avro serdes need from a Confluent-compatible schema registry. Implementations
 * cache: asking twice for the same schema or id costs one remote call at most. Failures are
 * {@link SchemaRegistryException}s.
 */
public interface SchemaRegistryClient extends AutoCloseable {

    /** Registers the schema under the subject (idempotent: the same schema keeps its id). */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject; throws if it is not. */
    int getId(String subject, Schema schema);

    /** The schema with this global id. */
    Schema getById(int id);

    @Override
    void close();
}
