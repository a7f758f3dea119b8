package io.newsstream.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.schema.RawArticle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The Reuters corpus, read at run time (never copied), sorted by publication time and replayed
 * without end: article {@code i} is corpus entry {@code i mod n} in copy {@code i / n}, with a
 * fresh id and its time shifted by one corpus span (plus the dedup look-back) per copy, so no
 * copy is a content duplicate of another and event time keeps moving forward. Long articles
 * join {@link #LONG_PARTS} consecutive entries (about 4 KB, like the seeds).
 */
final class Corpus {

    static final int LONG_PARTS = 5;
    private static final Duration COPY_GAP = Duration.ofDays(8);

    private record Entry(String id, String title, String text, Instant published) {
    }

    private final List<Entry> entries;
    private final Duration copyShift;
    private final Instant fetchedAt = Instant.now();

    private Corpus(final List<Entry> entries) {
        this.entries = entries;
        this.copyShift = Duration.between(entries.get(0).published(), entries.get(entries.size() - 1).published()).plus(COPY_GAP);
    }

    static Corpus read(final Path file) {
        final ObjectMapper json = new ObjectMapper();
        final List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                final JsonNode node = json.readTree(line);
                final String text = node.path("text").asText("");
                if (!text.isBlank() && node.hasNonNull("published")) {
                    entries.add(new Entry(node.path("id").asText(), node.path("title").asText(null), text,
                            Instant.parse(node.get("published").asText())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus " + file, e);
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the corpus " + file + " has no article with a text and a date");
        }
        entries.sort(Comparator.comparing(Entry::published));
        return new Corpus(entries);
    }

    /** The default corpus: {@code ../shared/corpus/reuters21578.jsonl.gz} from the working directory or a parent. */
    static Path locateDefault() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            final Path candidate = dir.resolve("../shared/corpus/reuters21578.jsonl.gz").normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("corpus not found: pass --corpus (../shared/corpus/reuters21578.jsonl.gz)");
    }

    int size() {
        return entries.size();
    }

    /** The {@code i}-th replayed article of run {@code run}; long ones join consecutive entries. */
    RawArticle article(final String run, final long i, final boolean longForm) {
        final int parts = longForm ? LONG_PARTS : 1;
        final long first = i * parts;
        final Entry head = entries.get((int) (first % entries.size()));
        final long copy = first / entries.size();
        final StringBuilder body = new StringBuilder(head.text());
        for (int p = 1; p < parts; p++) {
            body.append("\n\n").append(entries.get((int) ((first + p) % entries.size())).text());
        }
        return RawArticle.newBuilder()
                .setId(run + "-" + copy + "-" + head.id())
                .setSource("bench:reuters21578")
                .setTitle(head.title())
                .setBody(body.toString())
                .setContentType("text/plain")
                .setPublishedAt(head.published().plus(copyShift.multipliedBy(copy)))
                .setFetchedAt(fetchedAt)
                .build();
    }
}
