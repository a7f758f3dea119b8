package io.newsstream.tag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.tag.TagResult;
import io.newsstream.tag.Tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Single-thread throughput of {@link Tagger#tag}. Usage:
 * {@code TagBenchmark [corpus.jsonl.gz] [--seconds N]} (default corpus
 * {@code ../shared/corpus/reuters21578.jsonl.gz} relative to the working directory, 10 s).
 * Loads the articles into memory, times {@link Tagger#fromClasspath()}, warms up, then tags
 * round-robin for N seconds and prints articles/s, MB/s of UTF-8 text and mentions/article.
 */
public final class TagBenchmark {

    private static final String DEFAULT_CORPUS = "../shared/corpus/reuters21578.jsonl.gz";
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private record Article(String title, String text, int bytes) {
    }

    private TagBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(DEFAULT_CORPUS);
        int seconds = 10;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds") && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            } else {
                corpus = Path.of(args[i]);
            }
        }
        long t0 = System.nanoTime();
        Tagger tagger = Tagger.fromClasspath();
        double startupMs = (System.nanoTime() - t0) / 1e6;
        List<Article> articles = load(corpus);
        if (articles.isEmpty()) {
            System.err.println("no articles in " + corpus);
            System.exit(2);
        }
        run(tagger, articles, WARM_UP_NANOS);
        long[] measured = run(tagger, articles, seconds * 1_000_000_000L);
        long count = measured[0];
        long mentions = measured[1];
        long bytes = measured[2];
        double elapsed = measured[3] / 1e9;
        System.out.println("corpus            " + corpus + " (" + articles.size() + " articles)");
        System.out.printf(Locale.ROOT, "startup           %10.1f ms   (Tagger.fromClasspath)%n", startupMs);
        System.out.printf(Locale.ROOT, "measured          %10.1f s    (1 thread, after %.0f s warm-up)%n", elapsed,
                WARM_UP_NANOS / 1e9);
        System.out.printf(Locale.ROOT, "articles/s        %10.0f%n", count / elapsed);
        System.out.printf(Locale.ROOT, "MB/s (UTF-8 text) %10.2f%n", bytes / elapsed / 1e6);
        System.out.printf(Locale.ROOT, "mentions/article  %10.2f%n", (double) mentions / count);
        System.out.printf(Locale.ROOT, "mean text chars   %10.0f%n",
                articles.stream().mapToInt(a -> a.text().length()).average().orElse(0));
    }

    /** Returns {articles, mentions, text bytes, nanos}. */
    private static long[] run(Tagger tagger, List<Article> articles, long nanos) {
        long count = 0;
        long mentions = 0;
        long bytes = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        int i = 0;
        long now;
        do {
            for (int k = 0; k < 256; k++) {
                Article a = articles.get(i);
                TagResult r = tagger.tag(a.title(), a.text());
                mentions += r.title().size() + r.text().size();
                bytes += a.bytes();
                count++;
                i = i + 1 == articles.size() ? 0 : i + 1;
            }
            now = System.nanoTime();
        } while (now < deadline);
        return new long[] {count, mentions, bytes, now - start};
    }

    private static List<Article> load(Path corpus) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(corpus);
             InputStream in = corpus.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String text = node.path("text").asText("");
                JsonNode title = node.get("title");
                out.add(new Article(title == null || title.isNull() ? null : title.asText(), text,
                        text.getBytes(StandardCharsets.UTF_8).length));
            }
        }
        return out;
    }
}
