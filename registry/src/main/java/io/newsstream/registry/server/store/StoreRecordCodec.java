package io.newsstream.registry.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON keys and values of the {@code _schemas} topic, in the layout Confluent's registry uses
 * (key {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}}, value
 * {@code {"subject","version","id","schema","deleted"}}; key {@code {"keytype":"CONFIG",..}},
 * value {@code {"compatibilityLevel":..}}), so the topic stays readable by either registry.
 * Key field order matters: compaction compares key bytes.
 */
final class StoreRecordCodec {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecordCodec.class);

    private final ObjectMapper mapper = new ObjectMapper();

    byte[] schemaKey(String subject, int version) {
        ObjectNode key = mapper.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return write(key);
    }

    byte[] schemaValue(SchemaRecord record) {
        ObjectNode value = mapper.createObjectNode();
        value.put("subject", record.subject());
        value.put("version", record.version());
        value.put("id", record.id());
        value.put("schema", record.schema());
        value.put("deleted", record.deleted());
        return write(value);
    }

    byte[] configKey(String subject) {
        ObjectNode key = mapper.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subject != null) {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return write(key);
    }

    byte[] configValue(String level) {
        ObjectNode value = mapper.createObjectNode();
        value.put("compatibilityLevel", level);
        return write(value);
    }

    /** Applies one topic record to the view; returns false if a schema record was rejected. */
    boolean apply(StoreState state, byte[] keyBytes, byte[] valueBytes) {
        JsonNode key = read(keyBytes);
        if (key == null) {
            return true;
        }
        String keyType = key.path("keytype").asText("");
        String subject = key.hasNonNull("subject") ? key.get("subject").asText() : null;
        JsonNode value = valueBytes == null ? null : read(valueBytes);
        switch (keyType) {
            case "SCHEMA":
                return applySchema(state, subject, key.path("version").asInt(), value);
            case "CONFIG":
                state.putCompatibility(subject, value == null ? null : value.path("compatibilityLevel").asText(null));
                return true;
            default:
                // NOOP, MODE, DELETE_SUBJECT and others written by Confluent's registry carry
                // nothing this registry serves.
                return true;
        }
    }

    private static boolean applySchema(StoreState state, String subject, int version, JsonNode value) {
        if (value == null) {
            state.remove(subject, version);
            return true;
        }
        String schemaType = value.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(schemaType)) {
            LOG.debug("Ignoring {} schema {} v{}: only AVRO is served", schemaType, subject, version);
            return true;
        }
        try {
            return state.apply(new SchemaRecord(
                    value.path("subject").asText(subject),
                    value.path("version").asInt(version),
                    value.path("id").asInt(),
                    value.path("schema").asText(),
                    value.path("deleted").asBoolean(false)));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("Skipping malformed schema record {} v{}: {}", subject, version, e.getMessage());
            return true;
        }
    }

    private JsonNode read(byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (IOException e) {
            // A foreign or corrupt record must not stop the registry from starting.
            LOG.warn("Skipping unreadable record in the schemas topic: {}", e.getMessage());
            return null;
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
