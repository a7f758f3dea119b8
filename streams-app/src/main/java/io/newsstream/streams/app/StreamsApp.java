package io.newsstream.streams.app;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.NotAcceptableResponse;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.newsstream.producer.ArticlePublisher;
import io.newsstream.producer.ProducerSettings;
import io.newsstream.producer.http.IngestHandler;
import io.newsstream.streams.config.ApiSecurityConfig;
import io.newsstream.streams.config.ServerTimeouts;
import io.newsstream.streams.config.StreamsAppConfig;
import io.newsstream.streams.query.ApiJson;
import io.newsstream.streams.query.ApiRoutes;
import io.newsstream.streams.query.ApiViews;
import io.newsstream.streams.query.BearerAuth;
import io.newsstream.streams.query.CountryRanking;
import io.newsstream.streams.query.HeaderDeadline;
import io.newsstream.streams.query.JsonErrorHandler;
import io.newsstream.streams.query.QueryRouter;
import io.newsstream.streams.topology.DeadLetterCounter;
import io.newsstream.streams.topology.NewsSerdes;
import io.newsstream.streams.topology.NewsTopology;
import io.newsstream.streams.topology.RegistryOutage;
import io.newsstream.tag.Country;
import io.newsstream.tag.KnowledgeBase;
import io.newsstream.tag.Tagger;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * One running instance: the Kafka Streams client and its query API. Owns their lifecycle:
 * {@link #start()} starts both, {@link #close()} stops the API and closes Kafka Streams within
 * {@link ServerTimeouts#shutdownTimeout()} (committing in-flight work, closing the stores and
 * writing their checkpoints, so a restart does not restore them from the changelogs). State is
 * never wiped here.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    /** Every response: the dashboard's own script, styles, data and API only (its favicon is a data: URI). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final StreamsAppConfig config;
    private final ServerTimeouts timeouts;
    private final KafkaStreams streams;
    private final Javalin http;
    private final QueryRouter router;
    private final CountUpdates countUpdates;
    private final ArticlePublisher ingestPublisher;
    private final Metrics metrics;
    private final KnowledgeBase knowledgeBase;

    public StreamsApp(final StreamsAppConfig config, final Map<String, ?> registryConfig) {
        this(config, registryConfig, ApiSecurityConfig.open());
    }

    public StreamsApp(final StreamsAppConfig config, final Map<String, ?> registryConfig, final ApiSecurityConfig security) {
        this(config, registryConfig, security, ServerTimeouts.defaults());
    }

    public StreamsApp(final StreamsAppConfig config, final Map<String, ?> registryConfig, final ApiSecurityConfig security,
                      final ServerTimeouts timeouts) {
        this.config = config;
        this.timeouts = timeouts;
        final BearerAuth auth = new BearerAuth(security.bearerToken());
        final NewsSerdes serdes = new NewsSerdes(config.schemaRegistryUrl(), registryConfig);
        final Tagger tagger = Tagger.fromClasspath();
        this.knowledgeBase = tagger.knowledgeBase();
        final Topology topology = new NewsTopology(config.topology(), serdes, NewsTopology.cleanerFor(config.topology()),
                tagger).build();
        this.metrics = new Metrics();
        final Properties streamsProperties = config.toStreamsProperties();
        streamsProperties.put(DeadLetterCounter.CONFIG, metrics.deadLetterCounter());
        this.streams = new KafkaStreams(topology, streamsProperties);
        metrics.bind(streams);
        streams.setUncaughtExceptionHandler(e -> {
            if (RegistryOutage.isCause(e)) {
                LOG.warn("stream thread stopped because the schema registry is unavailable; replacing it, its records "
                        + "are processed again from the last commit");
            } else {
                LOG.error("stream thread died; replacing it", e);
            }
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setStateListener((now, before) -> LOG.info("Kafka Streams state {} -> {}", before, now));
        streams.setGlobalStateRestoreListener(new RestoreLog());
        this.router = new QueryRouter(streams, Duration.ofSeconds(10),
                new HostInfo(config.advertisedHost(), config.httpPort()), serdes.key().serializer(), auth);
        final ApiRoutes routes = new ApiRoutes(router, knowledgeBase, Clock.systemUTC(), this::isRunning, auth);
        final Map<String, Object> kafkaConfig = new HashMap<>(config.kafkaOverrides());
        kafkaConfig.put("bootstrap.servers", config.bootstrapServers());
        this.countUpdates = new CountUpdates(kafkaConfig, config.topology().topics().counts(),
                serdes.key().deserializer(), serdes.count().deserializer());
        // POST /api/v1/articles: systems that push articles publish them through the app's own API.
        this.ingestPublisher = new ArticlePublisher(new ProducerSettings(config.bootstrapServers(),
                config.schemaRegistryUrl(), config.topology().topics().raw(), config.kafkaOverrides()));
        final IngestHandler ingest = IngestHandler.withDefaults(ingestPublisher);
        this.http = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(ApiJson.mapper(), false));
            cfg.http.maxRequestSize = 64 * 1024L;
            hardenJetty(cfg, timeouts);
            if (!security.corsOrigins().isEmpty()) {
                cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> security.corsOrigins().forEach(rule::allowHost)));
            }
            cfg.staticFiles.add(files -> {
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            // The dashboard loads nothing from elsewhere and builds no markup from data; the policy
            // holds it to that, so that nothing injected could read its API token.
            cfg.routes.before(ctx -> {
                ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "no-referrer");
            });
            routes.mount(cfg.routes);
            // Javalin's SSE handler answers an empty 200 to a request that does not accept
            // text/event-stream (curl's default */* included); say what to send instead.
            cfg.routes.before("/api/v1/stream", ctx -> {
                final String accept = ctx.header("Accept");
                if (accept == null || !accept.contains("text/event-stream")) {
                    throw new NotAcceptableResponse("GET /api/v1/stream is a server-sent event stream: send the header "
                            + "'Accept: text/event-stream' (browsers' EventSource does)");
                }
            });
            cfg.routes.sse("/api/v1/stream", countUpdates::subscribe);
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            ingest.mount(cfg.routes);
            cfg.routes.get("/api/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml")
                    .result(Objects.requireNonNull(StreamsApp.class.getResourceAsStream("/openapi.yaml"), "openapi.yaml")));
        });
    }

    /** Starts the query API, then Kafka Streams. Fails with a message naming the setting when the port is taken. */
    public void start() {
        try {
            http.start(config.httpHost(), config.httpPort());
        } catch (RuntimeException e) {
            if (e instanceof JavalinBindException || causedBy(e, BindException.class)) {
                throw new IllegalStateException("port " + config.httpPort() + " on " + config.httpHost()
                        + " is already in use; set --http-port (NEWSSTREAM_HTTP_PORT) to a free port", e);
            }
            throw e;
        }
        streams.start();
        countUpdates.start();
        LOG.info("query API on http://{}:{}/api/v1", config.httpHost(), config.httpPort());
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    public StreamsAppConfig config() {
        return config;
    }

    /** Routed queries: the same answers the HTTP API gives, for in-process callers. */
    public QueryRouter router() {
        return router;
    }

    /** The top countries by all-time count, across all instances. */
    public List<ApiViews.CountryCountView> topCountries(final int limit) {
        return CountryRanking.top(router.allTimeCounts(), limit,
                code -> knowledgeBase.country(code).map(Country::name).orElse(code));
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The port the API listens on (useful when configured as 0). */
    public int httpPort() {
        return http.port();
    }

    /** Closes the API and Kafka Streams, staying in the consumer group: see {@link #close(GroupMembershipOperation)}. */
    @Override
    public void close() {
        close(GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    /**
     * Closes the API and Kafka Streams within the shutdown timeout. An instance among several
     * stays in the consumer group ({@code REMAIN_IN_GROUP}, Kafka Streams' default): restarted
     * within the session timeout, it gets its tasks back without moving any. A single instance
     * that will not be back at once ({@code ./newsstream local}) leaves it ({@code LEAVE_GROUP}):
     * otherwise its next start waits out the old member's session timeout before it gets any
     * partition (42–44 s in {@code REBALANCING} on each of four restarts of local mode, 2026-11-23).
     */
    public void close(final GroupMembershipOperation membership) {
        final long started = System.nanoTime();
        final Duration timeout = timeouts.shutdownTimeout();
        LOG.info("shutting down: query API first, then Kafka Streams (timeout {})", timeout);
        // Live-update streams end while the server still runs: an SSE client closed after Jetty
        // has stopped would be completed on a recycled request.
        countUpdates.close();
        http.stop();
        ingestPublisher.close(timeout);
        metrics.close();
        if (streams.close(CloseOptions.timeout(timeout).withGroupMembershipOperation(membership))) {
            LOG.info("shut down cleanly in {} ms: work committed, stores closed and checkpointed",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        } else {
            LOG.warn("Kafka Streams did not close within {}; the next start restores what was not checkpointed", timeout);
        }
    }

    /**
     * Jetty's errors as JSON, its idle timeout from the settings, and a header deadline against
     * slow-header clients. Connectors exist only once Javalin starts Jetty, hence the listener.
     */
    private static void hardenJetty(final JavalinConfig cfg, final ServerTimeouts timeouts) {
        final HeaderDeadline headerDeadline = new HeaderDeadline(timeouts.httpHeaderTimeout());
        cfg.jetty.modifyServer(server -> {
            server.setErrorHandler(new JsonErrorHandler());
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(final LifeCycle event) {
                    for (Connector connector : server.getConnectors()) {
                        if (connector instanceof AbstractConnector jetty) {
                            jetty.setIdleTimeout(timeouts.httpIdleTimeout().toMillis());
                            jetty.addEventListener(headerDeadline);
                        }
                    }
                }
            });
        });
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
    }

    private static boolean causedBy(final Throwable e, final Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
