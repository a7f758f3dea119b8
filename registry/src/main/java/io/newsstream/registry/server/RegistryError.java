package io.newsstream.registry.server;

/**
 * A client-visible registry error: the HTTP status and Confluent's {@code error_code} with
 * its message, answered as {@code {"error_code": .., "message": ..}}.
 */
public final class RegistryError extends RuntimeException {

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    public static final int OPERATION_NOT_PERMITTED = 42205;
    public static final int STORE_ERROR = 50001;

    private final int status;
    private final int errorCode;

    public RegistryError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(int version) {
        return new RegistryError(404, VERSION_NOT_FOUND, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound() {
        return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema not found");
    }

    static RegistryError schemaNotFound(int id) {
        return new RegistryError(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    static RegistryError subjectCompatibilityNotConfigured(String subject) {
        return new RegistryError(404, SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError incompatible(String subject, Iterable<String> details) {
        return new RegistryError(409, INCOMPATIBLE_SCHEMA, "Schema being registered is incompatible with an"
                + " earlier schema for subject \"" + subject + "\", details: " + String.join(", ", details));
    }

    static RegistryError invalidSchema(String message) {
        return new RegistryError(422, INVALID_SCHEMA, message);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, INVALID_VERSION, "The specified version '" + version + "' is not a valid"
                + " version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel() {
        return new RegistryError(422, INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level. Valid values are"
                + " none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");
    }

    static RegistryError notPermitted(String message) {
        return new RegistryError(422, OPERATION_NOT_PERMITTED, message);
    }
}
