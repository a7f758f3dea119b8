package io.newsstream.launcher;

import picocli.CommandLine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where a setting comes from when its flag is absent: the environment variable
 * {@code NEWSSTREAM_<FLAG>} (e.g. {@code --http-port} → {@code NEWSSTREAM_HTTP_PORT}), then the
 * properties file named by {@code NEWSSTREAM_CONFIG} (keys are flag names without dashes, e.g.
 * {@code http-port=8080}), then the flag's documented default. Flags win over all of these.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    /**
     * The {@code split} of every repeatable option: from the environment or the file it takes
     * several values, one a line (in bash {@code NEWSSTREAM_KAFKA_PROPERTY=$'acks=all\nlinger.ms=5'};
     * in the file {@code kafka-property=acks=all\nlinger.ms=5}, a {@code \n} escape), since a SASL
     * set-up needs three or four Kafka properties and a value such as {@code sasl.jaas.config} holds spaces, commas and
     * semicolons, never a line break. Spaces around each line are dropped.
     */
    static final String ONE_PER_LINE = "\\s*\\R\\s*";

    private final Map<String, String> env;
    private final Properties file;

    EnvironmentDefaults(final Map<String, String> env) {
        this.env = env;
        this.file = load(env.get("NEWSSTREAM_CONFIG"));
    }

    @Override
    public String defaultValue(final CommandLine.Model.ArgSpec arg) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option) || !option.longestName().startsWith("--")) {
            return arg.defaultValue();
        }
        final String key = option.longestName().substring(2);
        final String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return fromEnv;
        }
        final String fromFile = file.getProperty(key);
        return fromFile != null ? fromFile : arg.defaultValue();
    }

    static String envName(final String key) {
        return "NEWSSTREAM_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Properties load(final String path) {
        final Properties props = new Properties();
        if (path == null || path.isBlank()) {
            return props;
        }
        try (Reader in = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            props.load(in);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config file named by NEWSSTREAM_CONFIG: " + path, e);
        }
    }
}
