package io.newsstream.launcher;

import io.newsstream.clean.bench.CleanBenchmark;
import io.newsstream.tag.bench.TagBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code newsstream bench clean|tag}: single-thread throughput of the cleaner or the tagger on a corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark one stage on one thread: 'clean' or 'tag' (corpus default: ../shared/corpus/reuters21578.jsonl.gz).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STAGE", description = "clean or tag")
    String stage;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CORPUS", description = "gzipped JSON-lines corpus")
    String corpus;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds (default: ${DEFAULT-VALUE})")
    int seconds;

    @Override
    public Integer call() throws Exception {
        final List<String> args = new ArrayList<>();
        if (corpus != null) {
            args.add(corpus);
        }
        args.add("--seconds");
        args.add(String.valueOf(seconds));
        switch (stage) {
            case "clean" -> CleanBenchmark.main(args.toArray(String[]::new));
            case "tag" -> TagBenchmark.main(args.toArray(String[]::new));
            default -> throw new IllegalArgumentException("STAGE must be 'clean' or 'tag', was '" + stage + "'");
        }
        return 0;
    }
}
