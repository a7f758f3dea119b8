package io.newsstream.launcher;

import io.newsstream.producer.ProducerSettings;
import io.newsstream.registry.server.RegistryServer;
import io.newsstream.schema.TaggedArticle;
import io.newsstream.streams.app.StreamsApp;
import io.newsstream.streams.config.ApiSecurityConfig;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.query.ApiViews;
import io.newsstream.streams.query.StoreUnavailableException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.StreamsConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The local stack: embedded broker, registry and streams app in one process, with their data in
 * one directory that survives restarts. Started in dependency order, closed in reverse.
 */
final class LocalStack implements AutoCloseable {

    private static final String HOST = "localhost";

    record Settings(Path dataDir, boolean reset, int brokerPort, int controllerPort, int registryPort, Path seeds,
                    StreamsOptions streams) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private StreamsApp app;
    private String registryUrl;
    private String bootstrapServers;

    private LocalStack(final Settings settings, final PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    static LocalStack start(final Settings settings, final PrintStream out) {
        final LocalStack stack = new LocalStack(settings, out);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        if (settings.reset()) {
            deleteRecursively(settings.dataDir());
            out.println("wiped " + settings.dataDir());
        }
        // An unreadable or too short token fails before anything starts.
        final ApiSecurityConfig security = new ApiSecurityConfig(settings.streams().apiToken(), List.of());
        Ports.requireFree(HOST, settings.streams().httpPort, "--http-port (NEWSSTREAM_HTTP_PORT)");
        Ports.requireFree(HOST, settings.registryPort(), "--registry-port (NEWSSTREAM_REGISTRY_PORT)");
        out.println("starting Kafka (KRaft) on " + HOST + ":" + settings.brokerPort() + ", data in " + settings.dataDir());
        final EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), HOST, settings.brokerPort(),
                settings.controllerPort());
        started.add(kafka);
        bootstrapServers = kafka.bootstrapServers();
        // One instance on one embedded broker: a standby replica has nowhere to go, and Kafka
        // Streams would warn so for every task at each rebalance.
        final StreamsAppConfig config = settings.streams().toConfig(bootstrapServers, "http://" + HOST + ":" + settings.registryPort(),
                settings.dataDir().resolve("streams"), "127.0.0.1", Map.of(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "0"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TopicSetup.ensure(admin, config.topology().topics(), settings.streams().partitions, (short) 1);
        }
        final RegistryServer registry = RegistryServer.start(new RegistryServer.Config("127.0.0.1", settings.registryPort(),
                bootstrapServers, RegistryServer.Config.DEFAULT_TOPIC, 1, Map.of()));
        started.add(registry::close);
        registryUrl = config.schemaRegistryUrl();
        out.println("schema registry on " + registryUrl);
        app = new StreamsApp(config, Map.of(), security, settings.streams().timeouts());
        if (security.bearerToken() != null) {
            out.println("the API requires the bearer token (--api-token-file or NEWSSTREAM_API_TOKEN)");
        }
        app.start();
        // The one member of its group: leave it, so that the next start gets the partitions at once.
        started.add(() -> app.close(GroupMembershipOperation.LEAVE_GROUP));
        // The hook closes the stack itself: the JVM halts once its hooks return, so a hook that only
        // woke the main thread let the JVM stop the streams app half-way through its close (no
        // checkpoints written, every store restored from its changelog at the next start).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.countDown();
            close();
        }, "newsstream-local-shutdown"));
    }

    /** Publishes the seeds, waits until each is counted (or dead-lettered), and prints the country table. */
    void publishSeedsAndReport() throws InterruptedException {
        final ProducerSettings producer = new ProducerSettings(bootstrapServers, registryUrl,
                app.config().topology().topics().raw(), Map.of());
        out.println("publishing " + settings.seeds());
        ProduceCommand.publish(producer, List.of(settings.seeds()), out);
        final List<String> ids = seedIds();
        final long deadline = System.nanoTime() + 120_000_000_000L;
        List<String> missing = ids;
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            missing = missing.stream().filter(id -> !isCounted(id)).toList();
        }
        if (!missing.isEmpty()) {
            out.println("not counted after 120 s (see the dead-letter topic): " + missing);
        }
        awaitCounts(ids, deadline);
        printTable();
    }

    /**
     * Articles are stored before their mentions, re-keyed by country, reach the count stores;
     * wait until every country the seeds name is counted at least as often as they name it.
     */
    private void awaitCounts(final List<String> ids, final long deadline) throws InterruptedException {
        final Map<String, Long> expected = new HashMap<>();
        ids.forEach(id -> app.router().article(id).ifPresent(a ->
                a.getCountries().forEach((country, n) -> expected.merge(country, n.longValue(), Long::sum))));
        while (System.nanoTime() < deadline) {
            try {
                final Map<String, Long> counts = app.router().allTimeCounts();
                if (expected.entrySet().stream().allMatch(e -> counts.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    return;
                }
            } catch (StoreUnavailableException e) {
                // still starting or rebalancing: ask again
            }
            Thread.sleep(250);
        }
    }

    private boolean isCounted(final String id) {
        try {
            return app.router().article(id).isPresent();
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    private List<String> seedIds() {
        try (Stream<Path> files = Files.list(settings.seeds())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") || n.endsWith(".html"))
                    .map(n -> n.substring(0, n.lastIndexOf('.')))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + settings.seeds(), e);
        }
    }

    private void printTable() {
        final List<ApiViews.CountryCountView> top = app.topCountries(25);
        out.println();
        out.printf("%-4s %-8s %-28s %8s%n", "#", "country", "name", "mentions");
        int rank = 0;
        for (ApiViews.CountryCountView row : top) {
            out.printf("%-4d %-8s %-28s %8d%n", ++rank, row.country(), row.name(), row.count());
        }
        out.println();
    }

    Optional<TaggedArticle> article(final String id) {
        return app.router().article(id);
    }

    void awaitShutdown() throws InterruptedException {
        shutdown.await();
    }

    /** Closes what was started, newest first; idempotent, and safe from the shutdown hook and main at once. */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                out.println("while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    private static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + dir, e);
        }
    }
}
