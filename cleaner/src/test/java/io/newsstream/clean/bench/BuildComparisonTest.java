package io.newsstream.clean.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildComparisonTest {

    private static final List<BuildComparison.Article> ARTICLES = List.of(new BuildComparison.Article(null,
            "The embassy, the first opened in Israel by a country with a Shiite Muslim majority, has become a "
                    + "meeting point for diplomats who follow the region.\n\nReaders in Baku can read more.",
            null, null));

    @Test
    void shouldCleanWithEachBuildsOwnClassesAndRules(@TempDir Path tmp) throws Exception {
        Path classes = Path.of(BuildComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path same = copy(classes, tmp.resolve("same"));
        Path changed = copy(classes, tmp.resolve("changed"));
        // A rule row only the changed build has: its cleaner removes the closing line as an appeal.
        Files.writeString(changed.resolve("rules/appeal-words.tsv"), "baku\t9\n", StandardOpenOption.APPEND);

        String mine = new BuildComparison.Build(classes.toUri().toURL(), ARTICLES).digest();
        assertThat(new BuildComparison.Build(same.toUri().toURL(), ARTICLES).digest()).isEqualTo(mine);
        assertThat(new BuildComparison.Build(changed.toUri().toURL(), ARTICLES).digest()).isNotEqualTo(mine);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(f -> {
                try {
                    Files.copy(f, to.resolve(from.relativize(f).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
