package io.newsstream.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Both {@code local} and {@code streams} take the API token from the file that names it. */
class ApiTokenSettingTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheTokenFileInLocalModeAsInStreams() throws Exception {
        final Path file = dir.resolve("token");
        Files.writeString(file, "  s3cret-token-of-24-chars\n");
        final LocalCommand local = (LocalCommand) parse(Map.of(), "local", "--api-token-file", file.toString());
        assertThat(local.streams.apiToken()).isEqualTo("s3cret-token-of-24-chars");
        final StreamsCommand streams = (StreamsCommand) parse(Map.of("NEWSSTREAM_API_TOKEN_FILE", file.toString()), "streams");
        assertThat(streams.options.apiToken()).isEqualTo("s3cret-token-of-24-chars");
    }

    @Test
    void shouldNameTheSettingWhenTheFileCannotBeRead() {
        final Path missing = dir.resolve("missing");
        final LocalCommand local = (LocalCommand) parse(Map.of(), "local", "--api-token-file", missing.toString());
        assertThatThrownBy(() -> local.streams.apiToken())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("setting 'api-token-file': cannot read " + missing);
    }

    private static Object parse(final Map<String, String> env, final String... args) {
        final List<CommandLine> parsed = Newsstream.commandLine(env).parseArgs(args).asCommandLineList();
        return parsed.get(parsed.size() - 1).getCommand();
    }
}
