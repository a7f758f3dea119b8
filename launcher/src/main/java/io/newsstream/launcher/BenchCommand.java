package io.newsstream.launcher;

import io.newsstream.clean.bench.CleanBenchmark;
import io.newsstream.launcher.bench.BenchSettings;
import io.newsstream.launcher.bench.Benchmark;
import io.newsstream.tag.bench.TagBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsstream bench}: the end-to-end benchmark (raw pass-through, the exactly-once pipeline
 * at a fixed rate and at saturation, queries under load, cost growth; docs/BENCHMARK.md);
 * {@code bench clean|tag}: single-thread throughput of the cleaner or the tagger on a corpus.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Without STAGE: the end-to-end benchmark on an embedded broker (or an external cluster), "
                + "table on stdout and a JSON file (docs/BENCHMARK.md).",
                "With STAGE 'clean' or 'tag': one stage on one thread (corpus default: ../shared/corpus/reuters21578.jsonl.gz)."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "STAGE", description = "clean or tag; omit for the full benchmark")
    String stage;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CORPUS", description = "gzipped JSON-lines corpus (stage benchmarks)")
    String corpus;

    @Option(names = "--seconds", defaultValue = "10",
            description = "Stage: measured seconds. Full: length of the fixed-rate phase and of each query phase (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--corpus", description = "Corpus of the full benchmark (default: ../shared/corpus/reuters21578.jsonl.gz)")
    Path corpusFile;

    @Option(names = "--quick", description = "Development run: 20,000 articles, 5,000 per variant, 5 s phases")
    boolean quick;

    @Option(names = "--articles", description = "Articles at saturation and in the raw pass-through (default: 200000; --quick 20000)")
    Integer articles;

    @Option(names = "--variant-articles", description = "Articles per cost-growth variant (default: 50000; --quick 5000)")
    Integer variantArticles;

    @Option(names = "--rate", defaultValue = "1000", description = "Fixed offered rate, articles/s (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--query-rate", defaultValue = "500", description = "Fixed query rate, requests/s (default: ${DEFAULT-VALUE})")
    int queryRate;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of every topic (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--streams-heap", defaultValue = "512m", description = "Max heap of each streams process (default: ${DEFAULT-VALUE})")
    String streamsHeap;

    @Option(names = "--no-variants", description = "Skip the cost-growth variants")
    boolean noVariants;

    @Option(names = "--jfr", description = "Record the streams process with Flight Recorder during saturation and summarize hot spots")
    boolean jfr;

    @Option(names = "--runs", defaultValue = "1",
            description = "With STAGE 'clean': the measurement in N fresh JVMs, then the median and range of each figure (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--stages", description = "With STAGE 'clean': microseconds per article in each stage of the cleaner instead of throughput")
    boolean stages;

    @Option(names = "--against", paramLabel = "PATH",
            description = "With STAGE 'clean': compare with another build of the cleaner (its classes directory or jar) in alternating 1 s turns")
    Path against;

    @Option(names = "--rounds", defaultValue = "20", description = "With --against: turns of each build (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--json", defaultValue = "bench-results.json", description = "Results file (default: ${DEFAULT-VALUE})")
    Path json;

    @Option(names = "--bootstrap-servers", description = "External Kafka cluster instead of the embedded broker")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "Registry of the external cluster")
    String schemaRegistryUrl;

    @Option(names = "--reset-topics", description = "Allow deleting and recreating the news.* topics on the external cluster")
    boolean resetTopics;

    @Option(names = "--kafka-property", split = EnvironmentDefaults.ONE_PER_LINE, hideParamSyntax = true, paramLabel = "KEY=VALUE", description = "Extra Kafka client property (repeatable)")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (stage == null) {
            final BenchSettings settings = new BenchSettings(
                    corpusFile != null ? corpusFile : Benchmark.defaultCorpus(),
                    articles != null ? articles : quick ? 20_000 : 200_000,
                    variantArticles != null ? variantArticles : quick ? 5_000 : 50_000,
                    rate, quick && seconds == 10 ? 5 : seconds, queryRate, bootstrapServers, schemaRegistryUrl, resetTopics,
                    partitions, streamsHeap, !noVariants, jfr, json, kafkaProperties);
            new Benchmark(settings, System.out).run();
            return 0;
        }
        final List<String> args = new ArrayList<>();
        if (corpus != null) {
            args.add(corpus);
        }
        args.add("--seconds");
        args.add(String.valueOf(seconds));
        if (runs < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--runs must be at least 1, was " + runs);
        }
        if (runs > 1) {
            if (!"clean".equals(stage) || stages || against != null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--runs goes with STAGE 'clean' and its throughput measurement only (not --stages or --against)");
            }
            args.add("--runs");
            args.add(String.valueOf(runs));
        }
        if (stages) {
            if (!"clean".equals(stage)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--stages goes with STAGE 'clean' only");
            }
            args.add("--stages");
        }
        if (against != null) {
            if (!"clean".equals(stage)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--against goes with STAGE 'clean' only");
            }
            args.add("--against");
            args.add(against.toString());
            args.add("--rounds");
            args.add(String.valueOf(rounds));
        }
        switch (stage) {
            case "clean" -> CleanBenchmark.main(args.toArray(String[]::new));
            case "tag" -> TagBenchmark.main(args.toArray(String[]::new));
            default -> throw new IllegalArgumentException("STAGE must be 'clean' or 'tag' (or nothing for the full benchmark), was '"
                    + stage + "'");
        }
        return 0;
    }
}
