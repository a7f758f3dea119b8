package io.newsstream.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointNotFound;
import io.newsstream.registry.server.store.SchemaRecord;
import io.newsstream.registry.server.store.StoreException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confluent Schema Registry REST API, as Confluent's serializers and tools call it, over a
 * {@link SchemaRegistryService}. Answers {@code application/vnd.schemaregistry.v1+json};
 * errors are {@code {"error_code":..,"message":..}} and never carry stack traces; any other
 * path answers Confluent's plain 404 so newer clients fall back to older endpoints.
 */
public final class RegistryRoutes {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);
    private static final Set<String> REQUEST_TYPES = Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream");

    private final SchemaRegistryService service;
    private final ObjectMapper mapper = new ObjectMapper();

    public RegistryRoutes(SchemaRegistryService service) {
        this.service = service;
    }

    /** Mounts every route and the error mapping on the app being configured. */
    public void mount(RoutesConfig app) {
        app.before(this::checkRequestType);
        app.get("/", ctx -> ok(ctx, mapper.createObjectNode()));
        app.get("/schemas/types", ctx -> ok(ctx, List.of("AVRO")));
        app.get("/schemas/ids/{id}", this::schemaById);
        app.get("/schemas/ids/{id}/versions", this::versionsOfId);
        app.get("/schemas/ids/{id}/subjects", this::subjectsOfId);
        app.get("/subjects", ctx -> ok(ctx, service.subjects(flag(ctx, "deleted"))));
        app.post("/subjects/{subject}/versions", this::register);
        app.post("/subjects/{subject}", this::lookup);
        app.delete("/subjects/{subject}", this::deleteSubject);
        app.get("/subjects/{subject}/versions", ctx -> ok(ctx, service.versions(ctx.pathParam("subject"))));
        app.get("/subjects/{subject}/versions/{version}", this::version);
        app.get("/subjects/{subject}/versions/{version}/schema", this::rawSchema);
        app.get("/config", ctx -> ok(ctx, levelNode("compatibilityLevel", service.globalCompatibility())));
        app.put("/config", this::putGlobalConfig);
        app.get("/config/{subject}", this::subjectConfig);
        app.put("/config/{subject}", this::putSubjectConfig);
        app.post("/compatibility/subjects/{subject}/versions/{version}", this::compatibility);
        app.exception(RegistryError.class, (e, ctx) -> error(ctx, e.status(), e.errorCode(), e.getMessage()));
        app.exception(EndpointNotFound.class, (e, ctx) -> error(ctx, 404, 404, "HTTP 404 Not Found"));
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.error("Store failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, RegistryError.STORE_ERROR, "Error in the backend data store: " + e.getMessage());
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, 500, "Internal Server Error");
        });
    }

    private void register(Context ctx) {
        JsonNode body = schemaRequest(ctx);
        int id = service.register(ctx.pathParam("subject"), body.path("schema").asText(null));
        ObjectNode answer = mapper.createObjectNode();
        answer.put("id", id);
        ok(ctx, answer);
    }

    private void lookup(Context ctx) {
        JsonNode body = schemaRequest(ctx);
        SchemaRecord found = service.lookup(ctx.pathParam("subject"), body.path("schema").asText(null),
                flag(ctx, "deleted"));
        ok(ctx, versionNode(found));
    }

    private void version(Context ctx) {
        ok(ctx, versionNode(service.version(ctx.pathParam("subject"), ctx.pathParam("version"))));
    }

    private void rawSchema(Context ctx) {
        SchemaRecord found = service.version(ctx.pathParam("subject"), ctx.pathParam("version"));
        ctx.status(200).contentType(CONTENT_TYPE).result(found.schema());
    }

    private void deleteSubject(Context ctx) {
        if (flag(ctx, "permanent")) {
            throw RegistryError.notPermitted("Permanent deletes are not supported by this registry");
        }
        ok(ctx, service.deleteSubject(ctx.pathParam("subject")));
    }

    private void schemaById(Context ctx) {
        SchemaRecord found = service.byId(idParam(ctx));
        ObjectNode answer = mapper.createObjectNode();
        answer.put("schema", found.schema());
        if (flag(ctx, "fetchMaxId")) {
            answer.put("maxId", service.maxId());
        }
        ok(ctx, answer);
    }

    private void versionsOfId(Context ctx) {
        ArrayNode answer = mapper.createArrayNode();
        for (SchemaRecord use : service.versionsOfId(idParam(ctx))) {
            answer.addObject().put("subject", use.subject()).put("version", use.version());
        }
        ok(ctx, answer);
    }

    private void subjectsOfId(Context ctx) {
        ok(ctx, service.versionsOfId(idParam(ctx)).stream().map(SchemaRecord::subject).distinct().toList());
    }

    private void putGlobalConfig(Context ctx) {
        CompatibilityLevel level = CompatibilityLevel.parse(json(ctx).path("compatibility").asText(null));
        service.setGlobalCompatibility(level);
        ok(ctx, levelNode("compatibility", level));
    }

    private void subjectConfig(Context ctx) {
        CompatibilityLevel level = service.subjectCompatibility(ctx.pathParam("subject"), flag(ctx, "defaultToGlobal"));
        ok(ctx, levelNode("compatibilityLevel", level));
    }

    private void putSubjectConfig(Context ctx) {
        CompatibilityLevel level = CompatibilityLevel.parse(json(ctx).path("compatibility").asText(null));
        service.setSubjectCompatibility(ctx.pathParam("subject"), level);
        ok(ctx, levelNode("compatibility", level));
    }

    private void compatibility(Context ctx) {
        JsonNode body = schemaRequest(ctx);
        List<String> problems = service.checkCompatibility(ctx.pathParam("subject"), ctx.pathParam("version"),
                body.path("schema").asText(null));
        ObjectNode answer = mapper.createObjectNode();
        answer.put("is_compatible", problems.isEmpty());
        if (flag(ctx, "verbose")) {
            problems.forEach(answer.putArray("messages")::add);
        }
        ok(ctx, answer);
    }

    /** The body of a register/lookup/compatibility request; only AVRO without references is served. */
    private JsonNode schemaRequest(Context ctx) {
        JsonNode body = json(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type.toUpperCase(Locale.ROOT))) {
            throw RegistryError.invalidSchema("Invalid schema type " + type + ": this registry serves AVRO only");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema("Schema references are not supported by this registry");
        }
        return body;
    }

    private JsonNode json(Context ctx) {
        try {
            JsonNode body = mapper.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) {
                throw new RegistryError(400, 400, "Request body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new RegistryError(400, 400, "Unparseable JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RegistryError(400, 400, "Unreadable request body");
        }
    }

    private void checkRequestType(Context ctx) {
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT) {
            return;
        }
        String type = ctx.contentType();
        if (type == null) {
            return;
        }
        String base = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!REQUEST_TYPES.contains(base)) {
            throw new RegistryError(415, 415, "HTTP 415 Unsupported Media Type");
        }
    }

    private ObjectNode versionNode(SchemaRecord record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("subject", record.subject());
        node.put("version", record.version());
        node.put("id", record.id());
        node.put("schema", record.schema());
        return node;
    }

    private ObjectNode levelNode(String field, CompatibilityLevel level) {
        ObjectNode node = mapper.createObjectNode();
        node.put(field, level.name());
        return node;
    }

    private static int idParam(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            // Confluent's JAX-RS routing cannot match a non-numeric id and answers a plain 404.
            throw new RegistryError(404, 404, "HTTP 404 Not Found");
        }
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    private void ok(Context ctx, Object body) {
        write(ctx, 200, body);
    }

    private void error(Context ctx, int status, int errorCode, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error_code", errorCode);
        body.put("message", message);
        write(ctx, status, body);
    }

    private void write(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write JSON answer", e);
        }
    }
}
