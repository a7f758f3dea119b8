package io.newsstream.registry.client;

import io.newsstream.registry.server.RegistryError;
import io.newsstream.registry.server.SchemaRegistryService;
import io.newsstream.registry.server.store.InMemorySchemaStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A registry inside the JVM with the same rules as {@code RegistryServer} (global ids,
 * versions, BACKWARD compatibility by default), without HTTP: for tests and {@code mock://}.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryService service = new SchemaRegistryService(new InMemorySchemaStore());
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    @Override
    public int register(String subject, Schema schema) {
        try {
            return remember(service.register(subject, schema.toString()), schema);
        } catch (RegistryError e) {
            throw translate(e);
        }
    }

    @Override
    public int getId(String subject, Schema schema) {
        try {
            return remember(service.lookup(subject, schema.toString(), false).id(), schema);
        } catch (RegistryError e) {
            throw translate(e);
        }
    }

    @Override
    public Schema getById(int id) {
        try {
            return schemasById.computeIfAbsent(id, key -> new Schema.Parser().parse(service.byId(id).schema()));
        } catch (RegistryError e) {
            throw translate(e);
        }
    }

    @Override
    public void close() {
        // Shared state lives until the scope is dropped.
    }

    private int remember(int id, Schema schema) {
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private static SchemaRegistryException translate(RegistryError e) {
        return new SchemaRegistryException(e.status(), e.errorCode(), e.getMessage());
    }
}
