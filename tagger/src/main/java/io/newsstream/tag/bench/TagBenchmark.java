package io.newsstream.tag.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.tag.TagResult;
import io.newsstream.tag.Tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * round-robin for N seconds and prints articles/s, MB/s of UTF-8 text and mentions/article. Also
 * reports throughput per second of the thread's CPU time, which stays meaningful when other
 * processes compete for the cores.
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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Tagger tagger = Tagger.fromClasspath();
        double startupMs = (System.nanoTime() - t0) / 1e6;
        double startupCpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        List<Article> articles = load(corpus);
        if (articles.isEmpty()) {
            System.err.println("no articles in " + corpus);
            System.exit(2);
        }
        run(tagger, articles, WARM_UP_NANOS);
        long[] measured = run(tagger, articles, seconds * 1_000_000_000L);
        double scanMicros = referenceScanMicros(articles);
        long count = measured[0];
        long mentions = measured[1];
        long bytes = measured[2];
        double elapsed = measured[3] / 1e9;
        double cpu = measured[4] / 1e9;
        System.out.println("corpus            " + corpus + " (" + articles.size() + " articles)");
        System.out.printf(Locale.ROOT, "startup           %10.1f ms   (Tagger.fromClasspath, wall clock; %.0f ms thread CPU)%n",
                startupMs, startupCpuMs);
        System.out.printf(Locale.ROOT, "measured          %10.1f s    (1 thread, after %.0f s warm-up)%n", elapsed,
                WARM_UP_NANOS / 1e9);
        System.out.printf(Locale.ROOT, "articles/s        %10.0f   (wall clock)%n", count / elapsed);
        System.out.printf(Locale.ROOT, "articles/cpu-s    %10.0f   (thread CPU time; %.0f%% of wall, <100%% = machine busy)%n",
                count / cpu, 100 * cpu / elapsed);
        System.out.printf(Locale.ROOT, "MB/s (UTF-8 text) %10.2f   (wall clock)%n", bytes / elapsed / 1e6);
        System.out.printf(Locale.ROOT, "us/article        %10.1f   (thread CPU time)%n", cpu * 1e6 / count);
        System.out.printf(Locale.ROOT, "mentions/article  %10.2f%n", (double) mentions / count);
        System.out.printf(Locale.ROOT, "reference scan    %10.2f us/article (one Character.isLetterOrDigit pass, thread CPU;"
                + " tagging = %.0fx that)%n", scanMicros, cpu * 1e6 / count / scanMicros);
        System.out.printf(Locale.ROOT, "mean text chars   %10.0f%n",
                articles.stream().mapToInt(a -> a.text().length()).average().orElse(0));
    }

    /** Returns {articles, mentions, text bytes, wall nanos, thread CPU nanos}. */
    private static long[] run(Tagger tagger, List<Article> articles, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
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
        return new long[] {count, mentions, bytes, now - start, threads.getCurrentThreadCpuTime() - cpuStart};
    }

    /**
     * Thread-CPU microseconds per article of the cheapest possible pass over the text, to show how
     * fast this machine is right now; the tagging cost is reported as a multiple of it.
     */
    private static double referenceScanMicros(List<Article> articles) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long letters = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (Article a : articles) {
                String text = a.text();
                for (int i = 0; i < text.length(); i++) {
                    letters += Character.isLetterOrDigit(text.charAt(i)) ? 1 : 0;
                }
            }
            best = Math.min(best, threads.getCurrentThreadCpuTime() - cpu0);
        }
        return letters < 0 ? 0 : best / 1e3 / articles.size();
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
