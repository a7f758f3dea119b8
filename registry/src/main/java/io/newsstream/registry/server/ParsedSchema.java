package io.newsstream.registry.server;

import org.apache.avro.Schema;

/**
 * An Avro schema text parsed once, with its canonical text: Avro's {@code Schema.toString()},
 * the same text Confluent's registry stores and compares, so white space never matters.
 */
record ParsedSchema(Schema schema, String canonical) {

    static ParsedSchema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryError.invalidSchema("Empty schema");
        }
        try {
            Schema schema = new Schema.Parser().parse(text);
            return new ParsedSchema(schema, schema.toString());
        } catch (RuntimeException e) {
            throw RegistryError.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }
}
