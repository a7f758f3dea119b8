package io.newsstream.registry.serde;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryException;
import org.apache.avro.Schema;

/** A registry that answers one id for every schema, to pin the bytes a serializer writes. */
final class FixedIdClient implements SchemaRegistryClient {

    private final int id;
    private int registrations;

    FixedIdClient(int id) {
        this.id = id;
    }

    int registrations() {
        return registrations;
    }

    @Override
    public int register(String subject, Schema schema) {
        registrations++;
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        throw new SchemaRegistryException(404, 40403, "Schema not found");
    }

    @Override
    public Schema getById(int wanted) {
        throw new SchemaRegistryException(404, 40403, "Schema " + wanted + " not found");
    }

    @Override
    public void close() {
    }
}
