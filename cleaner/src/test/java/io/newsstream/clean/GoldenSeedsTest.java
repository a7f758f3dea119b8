package io.newsstream.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cleans every seed article ({@code seeds/*.txt}, found by walking up from the working
 * directory) and compares the result with its golden file
 * {@code src/test/resources/golden/<seed>.golden.txt}: a few {@code key: value} header lines
 * (outcome, title, author, publishedAt, language), a {@code ---} line, then the cleaned text.
 * A mismatch fails with a unified line diff.
 *
 * <p>The committed goldens were written by reading the seeds and deciding what a news desk
 * keeps, not by copying the cleaner's output. To see what the cleaner currently produces, or
 * to start a golden for a new seed (then review it line by line against the seed), run
 * {@code ./mvnw -pl cleaner test -Dtest=GoldenSeedsTest -Dgolden.update=true}, which
 * overwrites the golden files with the current outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenSeedsTest {

    private ArticleCleaner cleaner;

    @BeforeAll
    void createCleaner() {
        cleaner = new ArticleCleaner(CleanerConfig.defaults());
    }

    Stream<Path> seeds() throws IOException {
        Path dir = seedsDir();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> seeds = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
            assertThat(seeds).as("seed articles in %s", dir).isNotEmpty();
            return seeds.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void shouldCleanSeedAsJudgedInGolden(Path seed) throws IOException {
        String name = seed.getFileName().toString().replaceFirst("\\.txt$", "");
        String body = Files.readString(seed, StandardCharsets.UTF_8);
        String actual = render(cleaner.clean(new RawText(null, body, null, "seed")));
        Path golden = goldenDir().resolve(name + ".golden.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + " for seed " + seed
                    + "; write it by judging the seed (-Dgolden.update=true gives a draft). Current output:\n" + actual);
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("cleaned " + name + " differs from its golden file (- golden, + actual):\n" + diff(expected, actual, name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void shouldLeaveCleanedTextAsItIsWhenCleanedAgainAsTextOrAsHtmlParagraphs(Path seed) throws IOException {
        CleanedText once = ((CleanOutcome.Cleaned) cleaner.clean(
                new RawText(null, Files.readString(seed, StandardCharsets.UTF_8), null, "seed"))).article();
        // A record cleaned once may be cleaned again (a re-run, another instance): nothing more may go.
        CleanOutcome twice = cleaner.clean(new RawText(once.title(), once.text(), "text/plain", "seed"));
        assertThat(twice).isInstanceOf(CleanOutcome.Cleaned.class);
        assertThat(((CleanOutcome.Cleaned) twice).article().text()).isEqualTo(once.text());
        // The same paragraphs delivered as HTML, with a footer, come out the same.
        StringBuilder html = new StringBuilder("<html><body><article>");
        for (String paragraph : once.text().split("\n\n")) {
            html.append("<p>").append(paragraph.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n");
        }
        html.append("</article><footer>Copyright 2026 Example News</footer></body></html>");
        CleanOutcome asHtml = cleaner.clean(new RawText(once.title(), html.toString(), "text/html", "seed"));
        assertThat(((CleanOutcome.Cleaned) asHtml).article().text()).isEqualTo(once.text());
    }

    static String render(CleanOutcome outcome) {
        StringBuilder b = new StringBuilder();
        if (outcome instanceof CleanOutcome.Rejected r) {
            b.append("outcome: rejected\nreason: ").append(r.reason()).append('\n');
            return b.toString();
        }
        CleanedText a = ((CleanOutcome.Cleaned) outcome).article();
        b.append("outcome: cleaned\n")
                .append("title: ").append(a.title()).append('\n')
                .append("author: ").append(a.author()).append('\n')
                .append("publishedAt: ").append(a.publishedAt()).append('\n')
                .append("language: ").append(a.language()).append('\n')
                .append("---\n")
                .append(a.text()).append('\n');
        return b.toString();
    }

    private static String diff(String expected, String actual, String name) {
        List<String> e = Arrays.asList(expected.split("\n", -1));
        List<String> a = Arrays.asList(actual.split("\n", -1));
        Patch<String> patch = DiffUtils.diff(e, a);
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(
                name + ".golden.txt", name + " (actual)", e, patch, 2));
    }

    /** The nearest {@code seeds} directory at or above the working directory. */
    static Path seedsDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path seeds = p.resolve("seeds");
            if (Files.isDirectory(seeds)) {
                return seeds;
            }
        }
        throw new IllegalStateException("no seeds directory at or above " + dir);
    }

    private static Path goldenDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            Path golden = p.resolve("src/test/resources/golden");
            if (Files.isDirectory(golden)) {
                return golden;
            }
            Path inModule = p.resolve("cleaner/src/test/resources/golden");
            if (Files.isDirectory(inModule)) {
                return inModule;
            }
        }
        throw new IllegalStateException("no src/test/resources/golden at or above " + dir);
    }
}
