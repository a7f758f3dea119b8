package io.newsstream.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.schema.RawArticle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns files into raw articles.
 *
 * <p>Accepts a single {@code .txt}/{@code .html} file (one article, id = file name without
 * extension), a {@code .jsonl} file (one JSON object per line), or a directory holding any of
 * these (not recursive: the order is the sorted file names, so a re-run publishes the same ids in
 * the same order). JSON lines carry {@code id}, and {@code text} or {@code body}, and optionally
 * {@code title}, {@code url}, {@code source} and {@code published} / {@code publishedAt}
 * (ISO-8601). Lines that cannot be parsed are reported to the caller, never silently dropped.
 */
public final class ArticleReader {

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;

    public ArticleReader(final Clock clock) {
        this.clock = clock;
    }

    /** Reads every article under {@code path}, handing each to {@code sink} and each unreadable input to {@code rejects}. */
    public void read(final Path path, final Consumer<RawArticle> sink, final Consumer<Rejected> rejects) {
        articleFiles(path).forEach(file -> readFile(file, sink, rejects));
    }

    /** Convenience for tests and small inputs: all articles of {@code path}; fails on the first unreadable one. */
    public List<RawArticle> readAll(final Path path) {
        final List<RawArticle> out = new ArrayList<>();
        read(path, out::add, rejected -> {
            throw new IllegalArgumentException(rejected.where() + ": " + rejected.reason());
        });
        return out;
    }

    /** The article files {@link #read} would read under {@code path}, in the order it reads them. */
    public static List<Path> articleFiles(final Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such file or directory: " + path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(ArticleReader::isArticleFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
    }

    /** A regular {@code .txt}, {@code .html}/{@code .htm} or {@code .jsonl} file whose name does not start with a dot. */
    public static boolean isArticleFile(final Path file) {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".html")
                || name.endsWith(".htm") || name.endsWith(".jsonl"));
    }

    private void readFile(final Path file, final Consumer<RawArticle> sink, final Consumer<Rejected> rejects) {
        final String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            readJsonLines(file, sink, rejects);
            return;
        }
        final String body;
        try {
            body = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            rejects.accept(new Rejected(file.toString(), "cannot read file: " + e.getMessage()));
            return;
        }
        final boolean html = name.toLowerCase(Locale.ROOT).endsWith(".html") || name.toLowerCase(Locale.ROOT).endsWith(".htm");
        sink.accept(RawArticle.newBuilder()
                .setId(name.substring(0, name.lastIndexOf('.')))
                .setSource(file.getParent() == null ? null : "file:" + file.getParent().getFileName())
                .setBody(body)
                .setContentType(html ? "text/html" : "text/plain")
                .setFetchedAt(clock.instant())
                .build());
    }

    private void readJsonLines(final Path file, final Consumer<RawArticle> sink, final Consumer<Rejected> rejects) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                final String where = file + ":" + number;
                try {
                    sink.accept(fromJson(json.readTree(line)));
                } catch (IOException | IllegalArgumentException e) {
                    rejects.accept(new Rejected(where, e.getMessage()));
                }
            }
        } catch (IOException e) {
            rejects.accept(new Rejected(file.toString(), "cannot read file: " + e.getMessage()));
        }
    }

    RawArticle fromJson(final JsonNode node) {
        final String id = text(node, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("missing field 'id'");
        }
        final String body = text(node, "body") != null ? text(node, "body") : text(node, "text");
        if (body == null) {
            throw new IllegalArgumentException("article " + id + ": missing field 'text' or 'body'");
        }
        final String published = text(node, "publishedAt") != null ? text(node, "publishedAt") : text(node, "published");
        return RawArticle.newBuilder()
                .setId(id)
                .setSource(text(node, "source"))
                .setUrl(text(node, "url"))
                .setTitle(text(node, "title"))
                .setBody(body)
                .setContentType(text(node, "contentType"))
                .setPublishedAt(parseInstant(id, published))
                .setFetchedAt(clock.instant())
                .build();
    }

    private static Instant parseInstant(final String id, final String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("article " + id + ": 'published' is not an ISO-8601 instant: " + value, e);
        }
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An input that could not be turned into an article, and why. */
    public record Rejected(String where, String reason) {
    }
}
