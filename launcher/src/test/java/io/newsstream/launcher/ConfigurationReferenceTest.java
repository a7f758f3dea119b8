package io.newsstream.launcher;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/CONFIGURATION.md} true to the command line: walks picocli's model of every
 * command and checks that each option and argument has a row where a reader looks for it (the
 * command's section, the section of the shared option group it comes from, or "Every command" for
 * inherited and help options) naming its environment variable, file key and default; and that no
 * row names a setting the command does not have.
 *
 * <p>The document marks its sections for this test with HTML comments after the heading:
 * {@code <!-- command: NAME -->}, {@code <!-- options: MixinClass -->}, {@code <!-- inherited -->}.
 */
class ConfigurationReferenceTest {

    private static final Pattern MARKER = Pattern.compile("<!-- (command: \\S+|options: \\S+|inherited) -->");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String INHERITED = "inherited";

    /** Per section marker, the table rows: first-cell names → the whole row. */
    private static Map<String, Map<String, String>> sections;
    private static CommandSpec root;
    private static CommandSpec uninterpolated;

    @BeforeAll
    static void readTheReference() throws IOException {
        sections = parse(Files.readString(reference(), StandardCharsets.UTF_8));
        root = Newsstream.commandLine(Map.of()).getCommandSpec();
        // Defaults as written in the code (${sys:user.home}/…, not this machine's home directory)
        // come from a second model that leaves variables alone.
        uninterpolated = Newsstream.commandLine(Map.of()).getCommandSpec();
        uninterpolated.interpolateVariables(false);
        uninterpolated.subcommands().values().forEach(c -> c.getCommandSpec().interpolateVariables(false));
    }

    @Test
    void shouldDocumentEveryOptionOfEveryCommandWhereItBelongs() {
        final List<String> missing = new ArrayList<>();
        forEachOption((command, option, section) -> {
            if (row(section, option.names()) == null) {
                missing.add(command.name() + " " + option.longestName() + " (expected under " + section + ")");
            }
        });
        assertThat(missing).as("options missing from docs/CONFIGURATION.md").isEmpty();
    }

    @Test
    void shouldNameTheEnvironmentVariableAndFileKeyOfEveryOption() {
        final List<String> wrong = new ArrayList<>();
        forEachOption((command, option, section) -> {
            final String row = row(section, option.names());
            if (row == null || option.usageHelp() || option.versionHelp()) {
                return;
            }
            final String key = option.longestName().substring(2);
            if (!cell(row, 2).equals("`" + EnvironmentDefaults.envName(key) + "`") || !cell(row, 3).equals("`" + key + "`")) {
                wrong.add(command.name() + " " + option.longestName() + ": " + row);
            }
        });
        assertThat(wrong).as("rows without `NEWSSTREAM_…` and the file key").isEmpty();
    }

    @Test
    void shouldGiveTheDefaultOfEveryOptionThatHasOne() {
        final List<String> wrong = new ArrayList<>();
        forEachOption((command, option, section) -> {
            final String row = row(section, option.names());
            final CommandSpec raw = command == root ? uninterpolated : uninterpolated.subcommands().get(command.name()).getCommandSpec();
            final String defaultValue = option.usageHelp() || option.versionHelp() ? null
                    : raw.findOption(option.longestName()).defaultValue();
            // Defaults made of system properties (${sys:user.home}/…) are written for people in the document.
            if (row != null && defaultValue != null && !defaultValue.contains("${") && !cell(row, 4).equals("`" + defaultValue + "`")) {
                wrong.add(command.name() + " " + option.longestName() + " defaults to " + defaultValue + ": " + row);
            }
        });
        assertThat(wrong).as("rows whose default differs from the code").isEmpty();
    }

    @Test
    void shouldDocumentEveryArgumentOfEveryCommand() {
        final List<String> missing = new ArrayList<>();
        for (CommandSpec command : subcommands()) {
            for (PositionalParamSpec param : command.positionalParameters()) {
                if (row(commandSection(command), new String[] {param.paramLabel()}) == null) {
                    missing.add(command.name() + " " + param.paramLabel());
                }
            }
        }
        assertThat(missing).as("arguments missing from docs/CONFIGURATION.md").isEmpty();
    }

    @Test
    void shouldDocumentNoSettingThatNoCommandHas() {
        final Map<String, Set<String>> known = new HashMap<>();
        known.computeIfAbsent(INHERITED, k -> new TreeSet<>()).addAll(names(root));
        for (CommandSpec command : subcommands()) {
            final Set<String> own = known.computeIfAbsent(commandSection(command), k -> new TreeSet<>());
            own.addAll(names(command));
            command.positionalParameters().forEach(p -> own.add(p.paramLabel()));
            command.mixins().forEach((name, mixin) ->
                    known.computeIfAbsent(mixinSection(mixin), k -> new TreeSet<>()).addAll(names(mixin)));
        }
        final List<String> unknown = new ArrayList<>();
        sections.forEach((section, rows) -> rows.keySet().forEach(names -> {
            for (String name : names.split(" ")) {
                if (!known.getOrDefault(section, Set.of()).contains(name)) {
                    unknown.add(section + ": " + name);
                }
            }
        }));
        assertThat(unknown).as("rows of docs/CONFIGURATION.md naming no setting of their section").isEmpty();
    }

    private interface OptionVisitor {
        void visit(CommandSpec command, OptionSpec option, String section);
    }

    /** Every option of every command, with the section that should document it. */
    private static void forEachOption(final OptionVisitor visitor) {
        root.options().forEach(o -> visitor.visit(root, o, INHERITED));
        for (CommandSpec command : subcommands()) {
            for (OptionSpec option : command.options()) {
                visitor.visit(command, option, sectionOf(command, option));
            }
        }
    }

    private static List<CommandSpec> subcommands() {
        return root.subcommands().values().stream().map(CommandLine::getCommandSpec).toList();
    }

    private static String sectionOf(final CommandSpec command, final OptionSpec option) {
        if (option.inherited() || option.usageHelp() || option.versionHelp()) {
            return INHERITED;
        }
        for (CommandSpec mixin : command.mixins().values()) {
            if (names(mixin).contains(option.longestName())) {
                return mixinSection(mixin);
            }
        }
        return commandSection(command);
    }

    private static String commandSection(final CommandSpec command) {
        return "command: " + command.name();
    }

    private static String mixinSection(final CommandSpec mixin) {
        return "options: " + mixin.userObject().getClass().getSimpleName();
    }

    private static Set<String> names(final CommandSpec spec) {
        final Set<String> names = new TreeSet<>();
        spec.options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    /** The row of {@code section} whose first cell names any of {@code names}, or null. */
    private static String row(final String section, final String[] names) {
        for (Map.Entry<String, String> row : sections.getOrDefault(section, Map.of()).entrySet()) {
            for (String name : names) {
                if (List.of(row.getKey().split(" ")).contains(name)) {
                    return row.getValue();
                }
            }
        }
        return null;
    }

    /** The {@code index}th cell of a table row (1 is the first), trimmed. */
    private static String cell(final String row, final int index) {
        final String[] cells = row.split("\\|");
        return cells.length > index ? cells[index].trim() : "";
    }

    /** Section marker → (names in the first cell, space-separated → row); an argument's "…" is dropped. */
    private static Map<String, Map<String, String>> parse(final String markdown) {
        final Map<String, Map<String, String>> parsed = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : markdown.lines().toList()) {
            final Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                current = parsed.computeIfAbsent(marker.group(1), k -> new LinkedHashMap<>());
            } else if (line.startsWith("## ")) {
                current = null;
            } else if (current != null && line.startsWith("| `")) {
                final String firstCell = line.substring(1, line.indexOf('|', 1));
                final List<String> names = new ArrayList<>();
                final Matcher code = CODE.matcher(firstCell);
                while (code.find()) {
                    names.add(code.group(1).replace("…", ""));
                }
                current.put(String.join(" ", names), line);
            }
        }
        return parsed;
    }

    private static Path reference() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/CONFIGURATION.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/CONFIGURATION.md above the working directory").isNotNull();
        return dir.resolve("docs/CONFIGURATION.md");
    }
}
