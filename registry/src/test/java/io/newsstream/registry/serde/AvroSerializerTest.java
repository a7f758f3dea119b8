package io.newsstream.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsstream.schema.RawArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerializerTest {

    private static final int ID = 0x01020304;

    @Test
    void shouldWriteMagicByteThenBigEndianIdThenExactlyTheAvroBinary() throws IOException {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(new FixedIdClient(ID));
        serializer.configure(Map.of(), false);
        RawArticle article = Articles.raw("a1");

        byte[] bytes = serializer.serialize("news.articles.raw", article);

        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 1, 2, 3, 4);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(article));
    }

    @Test
    void shouldWriteAJavaStringAsTheAvroStringSchema() {
        AvroSerializer<String> serializer = new AvroSerializer<>(new FixedIdClient(7));
        serializer.configure(Map.of(), true);

        byte[] bytes = serializer.serialize("news.articles.raw", "ab");

        // Avro string: zig-zag varint length 2 (0x04), then the UTF-8 bytes.
        assertThat(bytes).containsExactly(0, 0, 0, 0, 7, 0x04, 'a', 'b');
    }

    @Test
    void shouldAskTheRegistryOnlyOnceForARepeatedSchema() {
        FixedIdClient client = new FixedIdClient(3);
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(client);
        serializer.configure(Map.of(), false);

        for (int i = 0; i < 100; i++) {
            serializer.serialize("t", Articles.raw("a" + i));
        }

        assertThat(client.registrations()).isEqualTo(1);
    }

    @Test
    void shouldWriteNullForATombstone() {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(new FixedIdClient(1));
        serializer.configure(Map.of(), false);

        assertThat(serializer.serialize("t", null)).isNull();
    }

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegisterIsOff() {
        FixedIdClient client = new FixedIdClient(1);
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(client);
        serializer.configure(Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize("t", Articles.raw("a")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("auto.register.schemas=false")
                .hasMessageContaining("t-value");
        assertThat(client.registrations()).isZero();
    }

    @Test
    void shouldNameTheMissingRegistryUrl() {
        AvroSerializer<String> serializer = new AvroSerializer<>();

        assertThatThrownBy(() -> serializer.configure(Map.of(), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema.registry.url");
    }

    private static byte[] avroBinary(RawArticle article) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        new SpecificDatumWriter<>(RawArticle.class).write(article, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
