package io.newsstream.clean.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.clean.ArticleCleaner;
import io.newsstream.clean.CleanOutcome;
import io.newsstream.clean.CleanerConfig;
import io.newsstream.clean.RawText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Single-thread throughput of {@link ArticleCleaner}.
 *
 * <p>Usage: {@code CleanBenchmark [corpus.jsonl.gz] [--seconds N] [--runs N | --stages | --against PATH [--rounds N]]};
 * with {@code --runs} it repeats the measurement in N fresh JVMs and prints the median and range
 * of each figure ({@link RunSeries}); with {@code --stages} it prints instead the microseconds
 * per article of each stage of the cleaner; with {@code --against} it compares this build with
 * another one in alternating turns ({@link BuildComparison}). The corpus (default
 * {@code ../shared/corpus/reuters21578.jsonl.gz} relative to the working directory or, failing
 * that, to one of its parents) is read at
 * run time, one JSON object a line with {@code title} and {@code text}; it is never copied.
 * After a warm-up, one thread cleans the corpus round-robin for N seconds (default 10) and
 * prints MB/s (UTF-8 bytes of input bodies) and articles/s, with language detection on (the
 * default configuration) and off; then the same for the seed articles ({@code seeds/*.txt}
 * found at or above the working directory), which are long, dirty scraped pages. Each line
 * also gives MB per CPU-second of the benchmark thread, which a loaded shared machine distorts
 * far less than wall-clock MB/s; lingua's work on the common fork-join pool is not in it. A
 * reference figure first gives what a trivial loop costs per byte on this machine at this time.
 */
public final class CleanBenchmark {

    private static final String DEFAULT_CORPUS = "../shared/corpus/reuters21578.jsonl.gz";
    private static final int DEFAULT_SECONDS = 10;
    private static final int DEFAULT_ROUNDS = 20;
    /** The target, 50 MB/s, as nanoseconds a byte. */
    private static final double TARGET_NANOS_PER_BYTE = 20.0;
    /** How long the reference loop runs before everything, and around each measured phase. */
    private static final long REFERENCE_NANOS = 1_000_000_000L;
    private static final long PHASE_REFERENCE_NANOS = 250_000_000L;
    /** Where {@link #referenceNanosPerByte} leaves its result. */
    private static volatile long referenceSink;

    private record Sample(RawText raw, long bytes) {
    }

    /** {@code reference}: the reference figure ({@link #referenceNanosPerByte}) read just before and after the phase. */
    private record Result(long articles, long bytes, long rejected, double seconds, double cpuSeconds,
                          long libraryCalls, double librarySeconds, double reference) {
        double mbPerSecond() {
            return bytes / 1e6 / seconds;
        }

        double mbPerCpuSecond() {
            return bytes / 1e6 / cpuSeconds;
        }

        double articlesPerSecond() {
            return articles / seconds;
        }

        /** The cleaner's nanoseconds a byte in reference steps of the same minutes. */
        double stepsPerByte() {
            return seconds * 1e9 / bytes / reference;
        }

        Result withReference(double nanosPerByte) {
            return new Result(articles, bytes, rejected, seconds, cpuSeconds, libraryCalls, librarySeconds, nanosPerByte);
        }
    }

    private CleanBenchmark() {
    }

    public static void main(String[] args) throws IOException, ReflectiveOperationException, InterruptedException {
        String corpus = DEFAULT_CORPUS;
        int seconds = DEFAULT_SECONDS;
        boolean stages = false;
        Path against = null;
        int rounds = DEFAULT_ROUNDS;
        int runs = 1;
        boolean printResult = false;
        for (int i = 0; i < args.length; i++) {
            if ("--seconds".equals(args[i]) && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            } else if ("--runs".equals(args[i]) && i + 1 < args.length) {
                runs = Integer.parseInt(args[++i]);
            } else if (RunSeries.RESULT_FLAG.equals(args[i])) {
                printResult = true;
            } else if ("--stages".equals(args[i])) {
                stages = true;
            } else if ("--against".equals(args[i]) && i + 1 < args.length) {
                against = Path.of(args[++i]);
            } else if ("--rounds".equals(args[i]) && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                corpus = args[i];
            }
        }
        if (runs < 1) {
            throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        }
        if (runs > 1) {
            if (stages || against != null) {
                throw new IllegalArgumentException("--runs repeats the throughput measurement; it does not go with"
                        + " --stages or --against");
            }
            RunSeries.run(runs, List.of(corpus, "--seconds", String.valueOf(seconds)));
            return;
        }
        List<Sample> articles = readCorpus(resolveCorpus(corpus));
        List<Sample> seeds = readSeeds();
        System.out.printf("corpus %s: %d articles, %.1f MB%n", corpus, articles.size(), totalBytes(articles) / 1e6);
        // Figures from a shared machine mean little without its load: print it with them.
        System.out.printf("machine: %d cpus, load average %.2f, java %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));

        if (against != null) {
            BuildComparison.run(against, articles.stream().map(s -> new BuildComparison.Article(s.raw().title(),
                    s.raw().body(), s.raw().contentType(), s.raw().source())).toList(), totalBytes(articles), rounds);
            return;
        }
        double reference = referenceNanosPerByte(articles, REFERENCE_NANOS);
        System.out.printf("reference: a loop that ORs each byte of 1 KiB of the corpus takes %.2f ns a byte here"
                + " (at 50 MB/s the cleaner has 20 ns a byte: %.0f such steps)%n", reference, TARGET_NANOS_PER_BYTE / reference);

        ArticleCleaner withLanguage = new ArticleCleaner(CleanerConfig.defaults());
        CleanerConfig d = CleanerConfig.defaults();
        ArticleCleaner withoutLanguage = new ArticleCleaner(new CleanerConfig(d.maxBodyChars(), d.maxLineChars(), false));

        long before = withLanguage.languageLibraryCalls();
        MessageDigest outputs = sha256();
        for (Sample s : articles) {
            outputs.update(withLanguage.clean(s.raw()).toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.printf("language: %d of %d articles needed lingua (the rest: the cleaner's own profile)%n",
                withLanguage.languageLibraryCalls() - before, articles.size());
        // Two versions of the cleaner that print the same digest cleaned the corpus identically:
        // a speed change can be checked to change nothing else.
        System.out.printf("outputs: SHA-256 %s of every outcome (text, metadata, language, removals)%n",
                HexFormat.of().formatHex(outputs.digest()));
        if (stages) {
            printStages(withLanguage, articles, seconds);
            return;
        }
        Result on = run(withLanguage, articles, seconds);
        report("corpus, language detection on ", on);
        Result off = run(withoutLanguage, articles, seconds);
        report("corpus, language detection off", off);
        double seedsMb = Double.NaN;
        if (seeds.isEmpty()) {
            System.out.println("seeds: none found");
        } else {
            System.out.printf("seeds: %d articles, %.1f KB%n", seeds.size(), totalBytes(seeds) / 1e3);
            Result onSeeds = run(withLanguage, seeds, seconds);
            report("seeds,  language detection on ", onSeeds);
            seedsMb = onSeeds.mbPerSecond();
        }
        if (printResult) {
            System.out.println(RunSeries.resultLine(on.mbPerSecond(), on.articlesPerSecond(), off.mbPerSecond(), seedsMb,
                    reference, on.stepsPerByte(), TARGET_NANOS_PER_BYTE / on.reference()));
        }
    }

    /**
     * A warm-up, then the measured loop between two short reference readings: this machine's
     * speed changes within a run, and a figure in reference steps is only fair against the
     * reference of the same minutes.
     */
    private static Result run(ArticleCleaner cleaner, List<Sample> samples, int seconds) {
        loop(cleaner, samples, Math.max(2_000_000_000L, seconds * 300_000_000L));
        double before = referenceNanosPerByte(samples, PHASE_REFERENCE_NANOS);
        Result result = loop(cleaner, samples, seconds * 1_000_000_000L);
        double after = referenceNanosPerByte(samples, PHASE_REFERENCE_NANOS);
        return result.withReference((before + after) / 2);
    }

    /**
     * What one trivial step per byte costs on this machine at this time: the OR of every byte of
     * the first KiB of the corpus's text, repeated for {@code nanos}. A cleaning figure in
     * nanoseconds a byte divided by this one moves less between machines than MB/s does.
     */
    private static double referenceNanosPerByte(List<Sample> samples, long nanos) {
        byte[] text = new byte[1024];
        int filled = 0;
        for (int i = 0; filled < text.length && i < samples.size(); i++) {
            byte[] body = samples.get(i).raw().body().getBytes(StandardCharsets.UTF_8);
            int n = Math.min(body.length, text.length - filled);
            System.arraycopy(body, 0, text, filled, n);
            filled += n;
        }
        long bytes = 0;
        long sink = 0;
        long start = System.nanoTime();
        long deadline = start + nanos;
        do {
            for (int round = 0; round < 1000; round++) {
                int or = round;
                for (int i = 0; i < filled; i++) {
                    or |= text[i];
                }
                sink += or;
            }
            bytes += 1000L * filled;
        } while (System.nanoTime() < deadline);
        double elapsed = System.nanoTime() - start;
        referenceSink = sink; // a result that escapes, so the JIT cannot drop the loop
        return elapsed / Math.max(1, bytes);
    }

    private static Result loop(ArticleCleaner cleaner, List<Sample> samples, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long callsStart = cleaner.languageLibraryCalls();
        long libraryStart = cleaner.languageLibraryNanos();
        long start = System.nanoTime();
        long deadline = start + nanos;
        long count = 0;
        long bytes = 0;
        long rejected = 0;
        int i = 0;
        while (System.nanoTime() < deadline) {
            Sample s = samples.get(i);
            if (cleaner.clean(s.raw()) instanceof CleanOutcome.Rejected) {
                rejected++;
            }
            bytes += s.bytes();
            count++;
            i = i + 1 == samples.size() ? 0 : i + 1;
        }
        return new Result(count, bytes, rejected, (System.nanoTime() - start) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9, cleaner.languageLibraryCalls() - callsStart,
                (cleaner.languageLibraryNanos() - libraryStart) / 1e9, Double.NaN);
    }

    /**
     * Microseconds per article spent in each stage (screen, hygiene and paragraphs, draft, each
     * rule, assembly, language), over as many passes of the corpus as fit in the time after a
     * warm-up pass; the clock is read between stages, which costs some tens of nanoseconds each.
     */
    private static void printStages(ArticleCleaner cleaner, List<Sample> samples, int seconds) {
        Map<String, long[]> nanos = new LinkedHashMap<>();
        ArticleCleaner.StageTimer timer = (stage, n) -> nanos.computeIfAbsent(stage, k -> new long[1])[0] += n;
        samples.forEach(s -> cleaner.clean(s.raw(), timer));
        nanos.clear();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long articles = 0;
        do {
            for (Sample s : samples) {
                cleaner.clean(s.raw(), timer);
            }
            articles += samples.size();
        } while (System.nanoTime() < deadline);
        long total = nanos.values().stream().mapToLong(v -> v[0]).sum();
        System.out.printf("stages over %d articles (load %.2f), microseconds per article:%n", articles,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (Map.Entry<String, long[]> e : nanos.entrySet()) {
            System.out.printf("  %-24s %7.2f  %5.1f %%%n", e.getKey(), e.getValue()[0] / 1e3 / articles,
                    100.0 * e.getValue()[0] / total);
        }
        System.out.printf("  %-24s %7.2f%n", "all stages", total / 1e3 / articles);
    }

    private static void report(String label, Result r) {
        System.out.printf("%s: %8.2f MB/s %10.0f articles/s  (%d articles in %.1f s, %d rejected; load %.2f;"
                        + " %.2f MB per CPU-second of this thread; %.0f reference steps a byte, where 50 MB/s allows %.0f,"
                        + " at %.2f ns a step around this phase%s)%n",
                label, r.mbPerSecond(), r.articlesPerSecond(), r.articles(), r.seconds(), r.rejected(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), r.mbPerCpuSecond(),
                r.stepsPerByte(), TARGET_NANOS_PER_BYTE / r.reference(), r.reference(),
                r.libraryCalls() == 0 ? "" : String.format("; lingua: %d calls, %.1f %% of the time, %.2f ms a call",
                        r.libraryCalls(), 100 * r.librarySeconds() / r.seconds(), 1e3 * r.librarySeconds() / r.libraryCalls()));
    }

    /**
     * The path as given; for the default, when it does not exist relative to the working
     * directory (run from a module directory), the same relative path from each parent.
     */
    private static Path resolveCorpus(String corpus) {
        Path given = Path.of(corpus);
        if (Files.exists(given) || given.isAbsolute() || !DEFAULT_CORPUS.equals(corpus)) {
            return given;
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(corpus).normalize();
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return given;
    }

    private static List<Sample> readCorpus(Path path) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path), 1 << 16);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String text = node.path("text").asText("");
                String title = node.hasNonNull("title") ? node.get("title").asText() : null;
                out.add(new Sample(new RawText(title, text, "text/plain", "corpus"), utf8(text)));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no articles in " + path);
        }
        return out;
    }

    private static List<Sample> readSeeds() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("seeds");
            if (Files.isDirectory(dir)) {
                List<Sample> out = new ArrayList<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                        String body = Files.readString(f, StandardCharsets.UTF_8);
                        out.add(new Sample(new RawText(null, body, null, "seed"), utf8(body)));
                    }
                }
                return out;
            }
        }
        return List.of();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long totalBytes(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::bytes).sum();
    }
}
