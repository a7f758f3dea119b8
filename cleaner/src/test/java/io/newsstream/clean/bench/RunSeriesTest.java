package io.newsstream.clean.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSeriesTest {

    @Test
    void shouldSummariseEachFigureByMedianAndRange() {
        List<double[]> runs = List.of(
                RunSeries.parse(RunSeries.resultLine(40.0, 48_000, 49.0, Double.NaN, 0.45, 55.6, 44.4)),
                RunSeries.parse(RunSeries.resultLine(50.5, 60_450, 65.1, 60.0, 0.43, 46.1, 46.5)),
                RunSeries.parse(RunSeries.resultLine(45.9, 54_973, 57.7, 54.7, 0.56, 38.9, 35.7)),
                RunSeries.parse(RunSeries.resultLine(49.0, 58_749, 50.3, 50.1, 0.44, 46.3, 45.5)));

        assertThat(RunSeries.summary(runs)).isEqualTo("""
                4 runs, each in a fresh JVM: median (lowest-highest)
                  corpus, language detection on  MB/s: 47.45 (40.00-50.50)
                  corpus, language detection on  articles/s: 56861 (48000-60450)
                  corpus, language detection off MB/s: 54.00 (49.00-65.10)
                  seeds,  language detection on  MB/s: 54.70 (50.10-60.00)
                  reference ns a byte: 0.45 (0.43-0.56)
                  corpus, language detection on  reference steps a byte: 46 (39-56)
                  corpus, language detection on  steps 50 MB/s allows: 45 (36-47)
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void shouldTakeTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(RunSeries.median(new double[] {1, 2, 9})).isEqualTo(2);
        assertThat(RunSeries.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
        assertThat(RunSeries.median(new double[] {7})).isEqualTo(7);
    }

    @Test
    void shouldRefuseAMalformedResultLine() {
        assertThatThrownBy(() -> RunSeries.parse(RunSeries.RESULT_PREFIX + " 1.0 2.0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("malformed result line");
    }

    @Test
    void shouldRefuseRunsWithStagesOrFewerThanOne() {
        assertThatThrownBy(() -> CleanBenchmark.main(new String[] {"--runs", "0"}))
                .hasMessage("--runs must be at least 1, was 0");
        assertThatThrownBy(() -> CleanBenchmark.main(new String[] {"--runs", "2", "--stages"}))
                .hasMessageContaining("does not go with --stages or --against");
    }

    @Test
    void shouldMeasureInSeparateJvmsAndSummariseTheirFigures(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corpus))) {
            out.write(("{\"title\": \"Embassy opens\", \"text\": \"The embassy, the first opened in Israel by a country"
                    + " with a Shiite Muslim majority, has become a meeting point for diplomats in the region.\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CleanBenchmark.main(new String[] {corpus.toString(), "--seconds", "1", "--runs", "2"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(output).contains("run 1 of 2, in a fresh JVM:", "run 2 of 2, in a fresh JVM:",
                "2 runs, each in a fresh JVM: median (lowest-highest)");
        // Each JVM cleaned the corpus and reported it; the result lines stay between parent and child.
        assertThat(output.split("corpus, language detection on :", -1)).hasSize(3);
        assertThat(output).doesNotContain(RunSeries.RESULT_PREFIX);
        Matcher median = Pattern.compile("corpus, language detection on  MB/s: ([0-9.]+) \\(([0-9.]+)-([0-9.]+)\\)")
                .matcher(output);
        assertThat(median.find()).isTrue();
        double mid = Double.parseDouble(median.group(1));
        assertThat(mid).isPositive().isBetween(Double.parseDouble(median.group(2)), Double.parseDouble(median.group(3)));
    }
}
