package io.newsstream.streams.query;

import io.newsstream.schema.TaggedArticle;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Moves a tagged article between instances losslessly, as Avro's own JSON encoding. (The public
 * API renders articles with {@link ApiViews}; this is only the instance-to-instance format.)
 */
final class ArticleJson {

    private ArticleJson() {
    }

    static String toJson(final TaggedArticle article) {
        try {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final JsonEncoder encoder = EncoderFactory.get().jsonEncoder(TaggedArticle.getClassSchema(), out);
            new SpecificDatumWriter<>(TaggedArticle.class).write(article, encoder);
            encoder.flush();
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TaggedArticle fromJson(final String json) {
        try {
            return new SpecificDatumReader<>(TaggedArticle.class)
                    .read(null, DecoderFactory.get().jsonDecoder(TaggedArticle.getClassSchema(), json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
