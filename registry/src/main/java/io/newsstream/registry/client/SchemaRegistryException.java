package io.newsstream.registry.client;

/**
 * The registry refused a request (HTTP status with Confluent's {@code error_code} and
 * message, e.g. 404/40403 schema not found, 409 incompatible), or could not be reached
 * ({@link #status()} 0, see {@link SchemaRegistryUnavailableException}).
 */
public class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + " (HTTP " + status + ", error code " + errorCode + ")");
        this.status = status;
        this.errorCode = errorCode;
    }

    protected SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    /** HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Confluent's error code, e.g. 40401 subject not found; 0 when no answer came. */
    public int errorCode() {
        return errorCode;
    }
}
