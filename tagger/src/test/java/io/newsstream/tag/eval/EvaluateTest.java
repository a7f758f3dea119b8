package io.newsstream.tag.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.tag.KnowledgeBase;
import io.newsstream.tag.Tagger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Runs the evaluation on two hand-written labelled articles in the corpus format. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateTest {

    private final Tagger tagger = new Tagger(KnowledgeBase.fromClasspath("kb-test/"));

    // "Azeri" (AZ) and "Baku" (AZ place) are labelled; "Israel" is labelled; "Russia" is tagged but not labelled.
    private static final String ARTICLE_1 = "{\"id\":\"t-1\",\"title\":null,"
            + "\"text\":\"Azeri officials in Baku met Israel and Russia.\","
            + "\"mentions\":[{\"start\":0,\"end\":5,\"text\":\"Azeri\",\"country\":\"AZ\",\"level\":\"country\"},"
            + "{\"start\":19,\"end\":23,\"text\":\"Baku\",\"country\":\"AZ\",\"level\":\"place\"},"
            + "{\"start\":28,\"end\":34,\"text\":\"Israel\",\"country\":\"IL\",\"level\":\"country\"}],"
            + "\"countries\":[\"AZ\",\"IL\"],\"places_countries\":[\"AZ\",\"IL\"]}";
    // "Kosovo" is labelled but written in lower case, so the tagger misses it.
    private static final String ARTICLE_2 = "{\"id\":\"t-2\",\"title\":\"Talks\",\"text\":\"Talks in kosovo.\","
            + "\"mentions\":[{\"start\":9,\"end\":15,\"text\":\"kosovo\",\"country\":\"XK\",\"level\":\"country\"}],"
            + "\"countries\":[\"XK\"],\"places_countries\":[\"XK\"]}";

    private List<String> run(boolean details, Path dir) throws IOException {
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, ARTICLE_1 + "\n" + ARTICLE_2 + "\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Evaluate.run(file, tagger, details, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void shouldPrintArticleCountryScoreAsLastLine(@TempDir Path dir) throws IOException {
        List<String> lines = run(false, dir);

        // predicted {AZ, IL, RU} + {} against gold {AZ, IL} + {XK}: tp=2 fp=1 fn=1
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("article-countries precision=0.667 recall=0.667 f1=0.667");
    }

    @Test
    void shouldScoreCountrySpansAndPlaces(@TempDir Path dir) throws IOException {
        List<String> lines = run(false, dir);

        assertThat(lines).contains("articles=2")
                .anySatisfy(l -> assertThat(l).startsWith("country-spans-exact precision=0.667 recall=0.667"))
                .anySatisfy(l -> assertThat(l).startsWith("place-countries precision=1.000 recall=1.000"));
    }

    @Test
    void shouldListMissesAndFalseAlarmsWithDetails(@TempDir Path dir) throws IOException {
        List<String> lines = run(true, dir);

        assertThat(lines).contains("t-1", "  FP country RU", "t-2", "  FN country XK")
                .anySatisfy(l -> assertThat(l).startsWith("  false alarm RU 'Russia'"))
                .anySatisfy(l -> assertThat(l).startsWith("  miss XK 'kosovo'"));
    }

    @Test
    void shouldScoreTextMentionsOnlyBecauseGoldIsTheText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("titled.jsonl");
        Files.writeString(file, "{\"id\":\"t-3\",\"title\":\"Iran talks\",\"text\":\"Israel met.\","
                + "\"mentions\":[{\"start\":0,\"end\":6,\"text\":\"Israel\",\"country\":\"IL\",\"level\":\"country\"}],"
                + "\"countries\":[\"IL\"],\"places_countries\":[\"IL\"]}\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Evaluate.run(file, tagger, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("article-countries precision=1.000 recall=1.000 f1=1.000");
    }
}
