package io.newsstream.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code newsstream local}: the whole stack in one process, with the seeds. Everything binds to
 * the loopback address.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Start an embedded Kafka broker (KRaft), the schema registry, the streams app and the producer over the seeds; serve the API until Ctrl-C.")
final class LocalCommand implements Callable<Integer> {

    @Mixin
    StreamsOptions streams;

    @Option(names = "--data-dir", defaultValue = "${sys:user.home}/.newsstream/local",
            description = "Where the broker log, the streams state and the registry live (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--reset", description = "Wipe the data directory before starting")
    boolean reset;

    @Option(names = "--broker-port", defaultValue = "9092", description = "Kafka broker port (default: ${DEFAULT-VALUE})")
    int brokerPort;

    @Option(names = "--controller-port", defaultValue = "9093", description = "KRaft controller port (default: ${DEFAULT-VALUE})")
    int controllerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default: ${DEFAULT-VALUE})")
    int registryPort;

    @Option(names = "--seeds", defaultValue = "seeds", description = "Articles to publish at start (default: ${DEFAULT-VALUE})")
    Path seeds;

    @Option(names = "--exit-after-seeds", hidden = true, description = "Stop once the seeds are counted (for scripts)")
    boolean exitAfterSeeds;

    @Override
    public Integer call() throws Exception {
        final LocalStack.Settings settings = new LocalStack.Settings(dataDir, reset, brokerPort, controllerPort,
                registryPort, seeds, streams);
        try (LocalStack stack = LocalStack.start(settings, System.out)) {
            stack.publishSeedsAndReport();
            if (!exitAfterSeeds) {
                System.out.println("Serving http://localhost:" + streams.httpPort + "/api/v1 — press Ctrl-C to stop.");
                stack.awaitShutdown();
            }
        }
        return 0;
    }
}
