package io.newsstream.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.util.Map;

/**
 * The {@code ./newsstream} command line. Each sub-command wires one part; the parts themselves
 * live in their modules.
 */
@Command(name = "newsstream", mixinStandardHelpOptions = true, version = "newsstream 0.1.0",
        description = "Kafka Streams service for news: clean, tag and count country mentions.",
        subcommands = {LocalCommand.class, StreamsCommand.class, ProduceCommand.class, TopicsCommand.class, RegistryCommand.class, ProbeCommand.class, RedriveCommand.class,
                EvalCommand.class, BenchCommand.class})
public final class Newsstream {

    // Inherited: accepted after any sub-command too (`newsstream streams --log-format=json`).
    @Option(names = "--log-format", defaultValue = "text", paramLabel = "text|json", scope = ScopeType.INHERIT,
            converter = LogFormat.Converter.class,
            description = "Log lines as concise text or as one JSON object per line (default: ${DEFAULT-VALUE})")
    LogFormat logFormat;

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line with settings missing from the arguments taken from {@code env} (and the file it names). */
    static CommandLine commandLine(final Map<String, String> env) {
        final CommandLine cli = new CommandLine(new Newsstream());
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        // The log format is applied after parsing and before any command runs (LogFormat explains why).
        cli.setExecutionStrategy(parsed -> {
            logFormat(parsed).apply();
            return new CommandLine.RunLast().execute(parsed);
        });
        // A wrong setting is the user's to fix: show the message, not a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("newsstream: " + rootMessage(e));
            return 2;
        });
        return cli;
    }

    /** The {@code --log-format} given last on the command line, else its default (environment, file, text). */
    static LogFormat logFormat(final CommandLine.ParseResult parsed) {
        LogFormat format = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--log-format")) {
                format = p.matchedOptionValue("--log-format", format);
            }
        }
        return format != null ? format : ((Newsstream) parsed.commandSpec().userObject()).logFormat;
    }

    private static String rootMessage(final Throwable e) {
        Throwable t = e;
        while ((t instanceof IllegalStateException || t instanceof RuntimeException) && t.getCause() != null
                && t.getMessage() != null && t.getMessage().equals(String.valueOf(t.getCause()))) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
