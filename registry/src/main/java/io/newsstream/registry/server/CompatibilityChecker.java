package io.newsstream.registry.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Checks a candidate schema against earlier versions with Avro's own
 * {@link SchemaCompatibility}, as Confluent's registry does for AVRO. Messages follow
 * Confluent's shape ({@code {errorType:'..', description:'..', additionalInfo:'..'}}).
 */
final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    /**
     * @param previous earlier live versions, oldest first (the last one is the latest)
     * @return incompatibility messages; empty when compatible
     */
    static List<String> check(CompatibilityLevel level, Schema candidate, List<Schema> previous) {
        if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
            return List.of();
        }
        List<Schema> against = level.transitive() ? previous : previous.subList(previous.size() - 1, previous.size());
        List<String> messages = new ArrayList<>();
        for (int i = against.size() - 1; i >= 0; i--) {
            Schema old = against.get(i);
            if (level.backward()) {
                messages.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old).getResult()));
            }
            if (level.forward()) {
                messages.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(old, candidate).getResult()));
            }
        }
        if (!messages.isEmpty()) {
            messages.add("{compatibility: '" + level + "'}");
        }
        return messages;
    }

    private static List<String> describe(SchemaCompatibilityResult result) {
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        for (Incompatibility incompatibility : result.getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'"
                    + incompatibility.getMessage() + " at path '" + incompatibility.getLocation() + "''}");
        }
        return messages;
    }
}
