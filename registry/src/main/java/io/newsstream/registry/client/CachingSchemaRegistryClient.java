package io.newsstream.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * HTTP client of a Confluent-compatible registry, making the same calls as Confluent's
 * {@code CachingSchemaRegistryClient}: register {@code POST /subjects/{s}/versions}, look up
 * {@code POST /subjects/{s}}, fetch {@code GET /schemas/ids/{id}}. Ids and schemas are cached
 * for the life of the client (they never change in a registry), so steady-state serde traffic
 * makes no HTTP calls. Thread-safe.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttp http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(ClientConfig config) {
        this.http = new RegistryHttp(config);
    }

    /** @param urls comma-separated registry URLs; {@code configs} as in {@link ClientConfig#parse} */
    public CachingSchemaRegistryClient(String urls, Map<String, ?> configs) {
        this(ClientConfig.parse(urls, configs));
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = http.send("/subjects/" + encode(subject) + "/versions?normalize=false", schemaBody(schema));
            return remember(answer.path("id").asInt(), schema);
        });
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), key -> {
            JsonNode answer = http.send("/subjects/" + encode(subject) + "?normalize=false&deleted=false",
                    schemaBody(schema));
            return remember(answer.path("id").asInt(), schema);
        });
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id, key -> {
            JsonNode answer = http.send("/schemas/ids/" + id + "?fetchMaxId=false", null);
            return new Schema.Parser().parse(answer.path("schema").asText());
        });
    }

    @Override
    public void close() {
        // java.net.http.HttpClient on Java 17 has nothing to close; its threads end when idle.
    }

    private int remember(int id, Schema schema) {
        if (id < 1) {
            throw new SchemaRegistryException(200, 0, "Registry answered without a schema id");
        }
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    private ObjectNode schemaBody(Schema schema) {
        return http.mapper().createObjectNode().put("schema", schema.toString());
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Cache key; Avro caches a schema's hash code, so look-ups stay cheap. */
    private record SubjectSchema(String subject, Schema schema) {
    }
}
