package io.newsstream.producer;

import io.newsstream.schema.RawArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleReaderTest {

    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05Z");
    private final ArticleReader reader = new ArticleReader(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void shouldUseTheFileNameWithoutExtensionAsTheArticleId() throws IOException {
        Files.writeString(dir.resolve("000_027d5da43cc261d5.txt"), "Body text.");

        final RawArticle article = reader.readAll(dir).get(0);

        assertThat(article.getId()).isEqualTo("000_027d5da43cc261d5");
        assertThat(article.getBody()).isEqualTo("Body text.");
        assertThat(article.getContentType()).isEqualTo("text/plain");
        assertThat(article.getFetchedAt()).isEqualTo(NOW);
        assertThat(article.getPublishedAt()).isNull();
    }

    @Test
    void shouldReadAFolderInFileNameOrderAndSkipOtherFiles() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "B");
        Files.writeString(dir.resolve("a.html"), "<p>A</p>");
        Files.writeString(dir.resolve("README.md"), "not an article");

        final List<RawArticle> articles = reader.readAll(dir);

        assertThat(articles).extracting(RawArticle::getId).containsExactly("a", "b");
        assertThat(articles.get(0).getContentType()).isEqualTo("text/html");
    }

    @Test
    void shouldReadJsonLinesWithPublicationTime() throws IOException {
        final Path file = dir.resolve("articles.jsonl");
        Files.writeString(file, """
                {"id": "r-1", "title": "COCOA", "text": "Showers continued.", "published": "1987-02-26T15:01:01Z"}

                {"id": "r-2", "body": "Second.", "url": "https://example.org/2", "source": "wire"}
                """);

        final List<RawArticle> articles = reader.readAll(file);

        assertThat(articles).hasSize(2);
        assertThat(articles.get(0).getPublishedAt()).isEqualTo(Instant.parse("1987-02-26T15:01:01Z"));
        assertThat(articles.get(0).getTitle()).isEqualTo("COCOA");
        assertThat(articles.get(1).getUrl()).isEqualTo("https://example.org/2");
        assertThat(articles.get(1).getSource()).isEqualTo("wire");
    }

    @Test
    void shouldReportBadJsonLinesWithTheirLineNumberAndKeepReading() throws IOException {
        final Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, """
                {"id": "ok-1", "text": "fine"}
                {not json
                {"text": "no id"}
                {"id": "bad-date", "text": "x", "published": "yesterday"}
                {"id": "ok-2", "text": "fine too"}
                """);
        final List<RawArticle> articles = new ArrayList<>();
        final List<ArticleReader.Rejected> rejected = new ArrayList<>();

        reader.read(file, articles::add, rejected::add);

        assertThat(articles).extracting(RawArticle::getId).containsExactly("ok-1", "ok-2");
        assertThat(rejected).extracting(ArticleReader.Rejected::where)
                .containsExactly(file + ":2", file + ":3", file + ":4");
        assertThat(rejected.get(1).reason()).contains("id");
        assertThat(rejected.get(2).reason()).contains("published");
    }

    @Test
    void shouldRefuseAPathThatDoesNotExist() {
        assertThatThrownBy(() -> reader.readAll(dir.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such file or directory");
    }
}
