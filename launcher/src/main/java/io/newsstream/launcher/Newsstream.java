package io.newsstream.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./newsstream} command line. Each sub-command wires one part; the parts themselves
 * live in their modules.
 */
@Command(name = "newsstream", mixinStandardHelpOptions = true, version = "newsstream 0.1.0",
        description = "Kafka Streams service for news: clean, tag and count country mentions.",
        subcommands = {LocalCommand.class, StreamsCommand.class, ProduceCommand.class, TopicsCommand.class, RegistryCommand.class, ProbeCommand.class, RedriveCommand.class,
                EvalCommand.class, BenchCommand.class})
public final class Newsstream {

    public static void main(final String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        final CommandLine cli = new CommandLine(new Newsstream());
        cli.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        // A wrong setting is the user's to fix: show the message, not a stack trace.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("newsstream: " + rootMessage(e));
            return 2;
        });
        return cli;
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
