package io.newsstream.registry.server;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.newsstream.registry.server.store.KafkaSchemaStore;
import io.newsstream.registry.server.store.SchemaStore;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Schema Registry speaking Confluent's REST API on Javalin, backed by a
 * {@link SchemaStore} (a compacted Kafka topic in production). Start with {@link #start};
 * close to stop serving and release the store.
 */
public final class RegistryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);

    private final Javalin app;
    private final SchemaStore store;
    private final String host;

    private RegistryServer(Javalin app, SchemaStore store, String host) {
        this.app = app;
        this.store = store;
        this.host = host;
    }

    /**
     * Where and how the server runs.
     *
     * @param host interface to bind, e.g. {@code 0.0.0.0}
     * @param port port to listen on; 0 picks a free one
     * @param bootstrapServers Kafka holding the schemas topic
     * @param topic compacted topic holding the schemas (Confluent's default is {@code _schemas})
     * @param replicationFactor replicas of the topic when created (capped at the live brokers)
     * @param kafkaProperties extra Kafka client settings, e.g. TLS or SASL
     */
    public record Config(String host, int port, String bootstrapServers, String topic, int replicationFactor,
                         Map<String, String> kafkaProperties) {

        public static final String DEFAULT_TOPIC = "_schemas";
        public static final int DEFAULT_PORT = 8081;

        public Config {
            host = host == null || host.isBlank() ? "0.0.0.0" : host;
            topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
            kafkaProperties = kafkaProperties == null ? Map.of() : Map.copyOf(kafkaProperties);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("setting 'registry-port' must be between 0 and 65535, was " + port);
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("setting 'replication-factor' (of the schemas topic) must be at least 1, was "
                        + replicationFactor);
            }
        }

        /** Confluent's defaults: all interfaces, port 8081, topic {@code _schemas}, replication 3. */
        public static Config defaults(String bootstrapServers) {
            return new Config("0.0.0.0", DEFAULT_PORT, bootstrapServers, DEFAULT_TOPIC, 3, Map.of());
        }

        public Config withPort(int newPort) {
            return new Config(host, newPort, bootstrapServers, topic, replicationFactor, kafkaProperties);
        }
    }

    /** Starts a server whose store is the configured Kafka topic, read fully before serving. */
    public static RegistryServer start(Config cfg) {
        if (cfg.bootstrapServers() == null || cfg.bootstrapServers().isBlank()) {
            throw new IllegalArgumentException("the schema registry needs Kafka bootstrap servers to keep its"
                    + " schemas; set bootstrapServers");
        }
        SchemaStore store = KafkaSchemaStore.open(cfg.bootstrapServers(), cfg.topic(), cfg.replicationFactor(),
                cfg.kafkaProperties());
        return start(cfg, store);
    }

    /** Starts a server on the given store, which the server then owns and closes. */
    public static RegistryServer start(Config cfg, SchemaStore store) {
        RegistryRoutes routes = new RegistryRoutes(new SchemaRegistryService(store));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            routes.mount(config.routes);
        });
        try {
            app.start(cfg.host(), cfg.port());
        } catch (JavalinBindException e) {
            app.stop();
            store.close();
            throw new IllegalStateException("port " + cfg.port() + " is already in use; set --registry-port"
                    + " (NEWSSTREAM_REGISTRY_PORT)", e);
        } catch (RuntimeException e) {
            app.stop();
            store.close();
            throw e;
        }
        RegistryServer server = new RegistryServer(app, store, cfg.host());
        LOG.info("Schema registry listening on {}", server.url());
        return server;
    }

    public int port() {
        return app.port();
    }

    /** Base URL for clients on this machine. */
    public String url() {
        boolean anyInterface = "0.0.0.0".equals(host) || "::".equals(host);
        String reachable = anyInterface ? "localhost" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + reachable + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
        store.close();
    }
}
