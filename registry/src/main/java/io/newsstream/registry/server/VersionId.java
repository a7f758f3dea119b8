package io.newsstream.registry.server;

/** A version path segment: a number in [1, 2^31-1], or {@code latest} (also {@code -1}). */
record VersionId(int number) {

    private static final int LATEST = -1;

    static VersionId parse(String text) {
        if ("latest".equalsIgnoreCase(text)) {
            return new VersionId(LATEST);
        }
        try {
            int number = Integer.parseInt(text);
            if (number == LATEST || number >= 1) {
                return new VersionId(number);
            }
        } catch (NumberFormatException e) {
            // Fall through to Confluent's error.
        }
        throw RegistryError.invalidVersion(text);
    }

    boolean isLatest() {
        return number == LATEST;
    }
}
