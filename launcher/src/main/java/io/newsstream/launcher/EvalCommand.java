package io.newsstream.launcher;

import io.newsstream.tag.eval.Evaluate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code newsstream eval FILE.jsonl}: tagging quality against a labelled corpus. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the tagger on a labelled corpus (the format of ../shared/eval/).")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "Labelled corpus")
    Path file;

    @Option(names = "--details", description = "List misses and false alarms per article")
    boolean details;

    @Override
    public Integer call() throws Exception {
        final List<String> args = new ArrayList<>(List.of(file.toString()));
        if (details) {
            args.add("--details");
        }
        Evaluate.main(args.toArray(String[]::new));
        return 0;
    }
}
