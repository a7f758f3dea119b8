package io.newsstream.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.registry.client.SchemaRegistryClient;
import io.newsstream.registry.client.SchemaRegistryClients;
import io.newsstream.schema.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "news.articles.raw";
    private final String scope = "mock://" + getClass().getSimpleName() + "-" + System.nanoTime();
    private final Map<String, String> config = Map.of("schema.registry.url", scope);

    @AfterEach
    void dropScope() {
        SchemaRegistryClients.dropScope(scope);
    }

    @Test
    void shouldRoundTripASpecificRecord() {
        try (AvroSerde<RawArticle> serde = AvroSerde.specific(RawArticle.class)) {
            serde.configure(config, false);
            RawArticle article = Articles.raw("a1");

            RawArticle read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, article));

            assertThat(read).isEqualTo(article);
            assertThat(read.getPublishedAt()).isEqualTo(article.getPublishedAt());
        }
    }

    @Test
    void shouldRoundTripAStringKey() {
        try (AvroSerde<String> serde = AvroSerde.string()) {
            serde.configure(config, true);

            String read = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, "article-ü-1"));

            assertThat(read).isEqualTo("article-ü-1");
        }
    }

    @Test
    void shouldRegisterUnderTopicNameStrategySubjectsInTheSharedMockScope() {
        try (AvroSerde<String> keys = AvroSerde.string(); AvroSerde<RawArticle> values = AvroSerde.specific(RawArticle.class)) {
            keys.configure(config, true);
            values.configure(config, false);
            keys.serializer().serialize(TOPIC, "k");
            values.serializer().serialize(TOPIC, Articles.raw("a"));

            SchemaRegistryClient registry = SchemaRegistryClients.create(scope, Map.of());
            assertThat(registry.getId(TOPIC + "-key", Schema.create(Schema.Type.STRING))).isEqualTo(1);
            assertThat(registry.getId(TOPIC + "-value", RawArticle.getClassSchema())).isEqualTo(2);
        }
    }

    @Test
    void shouldReadARecordWrittenWithAnOlderSchemaLackingADefaultedField() {
        SchemaRegistryClient registry = SchemaRegistryClients.create(scope, Map.of());
        Schema older = withoutField(RawArticle.getClassSchema(), "contentType");
        GenericRecord written = new GenericData.Record(older);
        written.put("id", "old-1");
        written.put("body", "text");
        written.put("fetchedAt", 1_700_000_000_000L);
        byte[] bytes = new AvroSerializer<GenericRecord>(registry).serialize(TOPIC, written);

        RawArticle read = new AvroDeserializer<>(RawArticle.class, registry).deserialize(TOPIC, bytes);

        assertThat(read.getId()).isEqualTo("old-1");
        assertThat(read.getContentType()).isNull();
        assertThat(read.getFetchedAt().toEpochMilli()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void shouldReadARecordWrittenWithANewerSchemaHavingAnExtraField() {
        SchemaRegistryClient registry = SchemaRegistryClients.create(scope, Map.of());
        Schema newer = withExtraField(RawArticle.getClassSchema(), "language");
        GenericRecord written = new GenericData.Record(newer);
        written.put("id", "new-1");
        written.put("body", "text");
        written.put("fetchedAt", 1L);
        written.put("language", "en");
        byte[] bytes = new AvroSerializer<GenericRecord>(registry).serialize(TOPIC, written);

        RawArticle read = new AvroDeserializer<>(RawArticle.class, registry).deserialize(TOPIC, bytes);

        assertThat(read.getId()).isEqualTo("new-1");
    }

    @Test
    void shouldReadNullAsNull() {
        AvroDeserializer<RawArticle> deserializer = new AvroDeserializer<>(RawArticle.class, new FixedIdClient(1));

        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldRejectAnUnknownMagicByte() {
        AvroDeserializer<String> deserializer = new AvroDeserializer<>(String.class, new FixedIdClient(1));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1, 2, 'a'}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown magic byte 0x01");
    }

    @Test
    void shouldRejectAPayloadTooShortForTheHeader() {
        AvroDeserializer<String> deserializer = new AvroDeserializer<>(String.class, new FixedIdClient(1));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldNameAnUnknownSchemaId() {
        AvroDeserializer<String> deserializer = new AvroDeserializer<>(String.class, new FixedIdClient(1));

        assertThatThrownBy(() -> deserializer.deserialize(TOPIC, new byte[] {0, 0, 0, 1, 0, 2, 'a'}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Unknown schema id 256");
    }

    @Test
    void shouldRejectATypeThatIsNeitherARecordNorAString() {
        assertThatThrownBy(() -> new AvroDeserializer<>(Integer.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Schema withoutField(Schema schema, String dropped) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(dropped)) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, fields);
    }

    private static Schema withExtraField(Schema schema, String extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        Schema optionalString = SchemaBuilder.unionOf().nullType().and().stringType().endUnion();
        fields.add(new Schema.Field(extra, optionalString, null, Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), null, schema.getNamespace(), false, fields);
    }
}
