package io.newsstream.clean.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code --runs N}: the whole measurement of {@link CleanBenchmark} in N fresh JVMs, one after
 * another, then the median and range of each figure. On the machine the figures in the README
 * come from, separate runs of one build differ by up to a fifth, even at the same reference
 * figure read at a run's start: the machine's speed changes during a run (in the slow runs of a
 * series of {@code --stages} runs every stage was slower by about the same factor, not one stage
 * that the JIT happened to compile worse), which is why each phase also reads its own reference.
 * One run says little there; a series gives a median and a range, and fresh JVMs keep one JIT's
 * choices from deciding them.
 */
final class RunSeries {

    /** Makes a run end with {@link #RESULT_PREFIX} and its figures, for the series to read. */
    static final String RESULT_FLAG = "--print-result";
    static final String RESULT_PREFIX = "result:";
    /** The figures of a result line, in order. */
    private static final String[] FIGURES = {
        "corpus, language detection on  MB/s", "corpus, language detection on  articles/s",
        "corpus, language detection off MB/s", "seeds,  language detection on  MB/s", "reference ns a byte",
        "corpus, language detection on  reference steps a byte",
        "corpus, language detection on  steps 50 MB/s allows"};

    private RunSeries() {
    }

    /** Runs the benchmark with {@code args} (no {@code --runs}) in {@code runs} fresh JVMs and prints each run, then the summary. */
    static void run(int runs, List<String> args) throws IOException, InterruptedException {
        List<double[]> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            System.out.printf("run %d of %d, in a fresh JVM:%n", i, runs);
            results.add(runChild(args, i));
        }
        System.out.print(summary(results));
    }

    /** The line a run ends with under {@link #RESULT_FLAG}. */
    static String resultLine(double onMb, double onArticles, double offMb, double seedsMb, double reference,
                             double onSteps, double onStepsAllowed) {
        return String.format(Locale.ROOT, "%s %.4f %.1f %.4f %.4f %.4f %.4f %.4f", RESULT_PREFIX, onMb, onArticles, offMb,
                seedsMb, reference, onSteps, onStepsAllowed);
    }

    /** The figures of a result line. */
    static double[] parse(String line) {
        String[] parts = line.substring(RESULT_PREFIX.length()).trim().split(" ");
        if (parts.length != FIGURES.length) {
            throw new IllegalStateException("a run printed a malformed result line: " + line);
        }
        return Arrays.stream(parts).mapToDouble(Double::parseDouble).toArray();
    }

    /** The median, lowest and highest of each figure over the runs (a figure a run lacks, NaN, is left out). */
    static String summary(List<double[]> results) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d runs, each in a fresh JVM: median (lowest-highest)%n", results.size()));
        for (int f = 0; f < FIGURES.length; f++) {
            int figure = f;
            double[] values = results.stream().mapToDouble(r -> r[figure]).filter(v -> !Double.isNaN(v)).sorted().toArray();
            if (values.length == 0) {
                continue;
            }
            String format = figure == 1 || figure >= 5 ? "%.0f" : "%.2f";
            out.append(String.format(Locale.ROOT, "  %s: " + format + " (" + format + "-" + format + ")%n",
                    FIGURES[figure], median(values), values[0], values[values.length - 1]));
        }
        return out.toString();
    }

    /** The middle value of sorted values, or the mean of the middle two. */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] runChild(List<String> args, int run) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // The heap and JIT settings of this JVM, so that each run measures the same configuration.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X"))
                .forEach(command::add);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CleanBenchmark.class.getName());
        command.addAll(args);
        command.add(RESULT_FLAG);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT_PREFIX)) {
                    result = parse(line);
                } else {
                    System.out.println(line);
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("run " + run + " failed (exit code " + exit + ")"
                    + (result == null ? " without printing its figures" : ""));
        }
        return result;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
