package io.newsstream.launcher;

import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.ApiSecurityConfig;
import io.newsstream.streams.config.StreamsAppConfig;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code newsstream streams}: one instance of the streams application against an external cluster. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run one instance of the streams application and its query API against a Kafka cluster.")
final class StreamsCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    StreamsOptions options;

    @Option(names = "--http-host", defaultValue = "0.0.0.0", description = "Address the query API binds to (default: ${DEFAULT-VALUE})")
    String httpHost;

    @Option(names = "--state-dir", defaultValue = "${sys:java.io.tmpdir}/newsstream-state",
            description = "Kafka Streams state directory (default: ${DEFAULT-VALUE})")
    Path stateDir;

    @Option(names = "--cors-origin", split = EnvironmentDefaults.ONE_PER_LINE, hideParamSyntax = true, paramLabel = "ORIGIN", description = "Origin allowed to call the API from a browser (repeatable; default: CORS off)")
    List<String> corsOrigins = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        final StreamsAppConfig config = options.toConfig(kafka.bootstrapServers, kafka.schemaRegistryUrl, stateDir,
                httpHost, kafka.kafkaProperties);
        final Map<String, Object> adminConfig = new HashMap<>(kafka.kafkaProperties);
        adminConfig.put("bootstrap.servers", kafka.bootstrapServers);
        try (Admin admin = Admin.create(adminConfig)) {
            TopicSetup.ensure(admin, config.topology().topics(), options.partitions, (short) options.replicationFactor);
        }
        final StreamsApp app = new StreamsApp(config, Map.copyOf(kafka.kafkaProperties),
                new ApiSecurityConfig(options.apiToken(), corsOrigins), options.timeouts());
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "newsstream-shutdown"));
        app.start();
        stopped.await();
        return 0;
    }
}
