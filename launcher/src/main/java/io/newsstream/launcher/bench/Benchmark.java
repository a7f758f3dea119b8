package io.newsstream.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.newsstream.launcher.EmbeddedKafka;
import io.newsstream.registry.server.RegistryServer;
import io.newsstream.streams.config.TopicNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The whole benchmark of {@code newsstream bench} in one run: the raw pass-through (the broker's
 * limit), the pipeline at a fixed rate and at saturation (one streams process, exactly-once),
 * queries under load from a separate load-generator process, and the cost-growth variants (two
 * threads, two instances, long articles), each on fresh topics. Prints a table, writes JSON.
 */
public final class Benchmark {

    private static final List<String> TOPICS_KEPT = List.of("_schemas");

    private final BenchSettings settings;
    private final PrintStream out;
    private final Map<String, Object> results = new LinkedHashMap<>();

    public Benchmark(final BenchSettings settings, final PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** {@code ../shared/corpus/reuters21578.jsonl.gz} from the working directory or one of its parents. */
    public static Path defaultCorpus() {
        return Corpus.locateDefault();
    }

    public void run() throws Exception {
        final Path work = Files.createTempDirectory("newsstream-bench");
        out.println("work directory (logs, GC logs, JFR): " + work);
        results.put("machine", machine());
        results.put("settings", settings);
        final Corpus corpus = Corpus.read(settings.corpus());
        out.println("corpus: " + corpus.size() + " articles from " + settings.corpus());
        EmbeddedKafka kafka = null;
        RegistryServer registry = null;
        try {
            String bootstrap = settings.bootstrapServers();
            String registryUrl = settings.schemaRegistryUrl();
            if (settings.embedded()) {
                kafka = EmbeddedKafka.start(work.resolve("kafka"), "localhost", freePort(), freePort());
                bootstrap = kafka.bootstrapServers();
                registry = RegistryServer.start(new RegistryServer.Config("127.0.0.1", 0, bootstrap,
                        RegistryServer.Config.DEFAULT_TOPIC, 1, settings.kafkaOverrides()));
                registryUrl = registry.url();
            }
            final Map<String, Object> adminProps = new HashMap<>(settings.kafkaOverrides());
            adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            try (Admin admin = Admin.create(adminProps)) {
                measure(admin, corpus, work, bootstrap, registryUrl);
            }
        } finally {
            if (registry != null) {
                registry.close();
            }
            if (kafka != null) {
                kafka.close();
            }
        }
        new Report(out).print(results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(settings.json().toFile(), results);
        out.println("results written to " + settings.json().toAbsolutePath());
    }

    private void measure(final Admin admin, final Corpus corpus, final Path work, final String bootstrap,
                         final String registryUrl) throws Exception {
        resetTopics(admin);
        out.printf("[%s] raw pass-through: %,d articles%n", LoadAverage.now(), settings.articles());
        try (ArticleFeed generator = new ArticleFeed(corpus, "raw", bootstrap, registryUrl, "news.articles.raw",
                settings.kafkaOverrides())) {
            final String load = LoadAverage.now();
            final RawPassThrough.Result raw = RawPassThrough.run(admin, generator, bootstrap, settings.kafkaOverrides(),
                    settings.partitions(), settings.articles());
            results.put("raw", Map.of("articles", raw.articles(), "seconds", raw.seconds(),
                    "articlesPerSecond", raw.articlesPerSecond(), "mbPerSecond", raw.mbPerSecond(),
                    "loadAverage", load + " → " + LoadAverage.now()));
        }
        mainPipeline(admin, corpus, work, bootstrap, registryUrl);
        if (settings.variants()) {
            final List<PipelineRun.Saturation> variants = new ArrayList<>();
            variants.add(variant(admin, corpus, work, bootstrap, registryUrl, "threads-2", 1, 2, false));
            variants.add(variant(admin, corpus, work, bootstrap, registryUrl, "instances-2", 2, 1, false));
            variants.add(variant(admin, corpus, work, bootstrap, registryUrl, "long-articles", 1, 1, true));
            results.put("variants", variants);
        }
    }

    private void mainPipeline(final Admin admin, final Corpus corpus, final Path work, final String bootstrap,
                              final String registryUrl) throws Exception {
        resetTopics(admin);
        out.printf("[%s] pipeline: starting the streams process%n", LoadAverage.now());
        try (PipelineRun run = new PipelineRun(settings, corpus, work, "main", bootstrap, registryUrl, 1, 1, false,
                settings.jfr())) {
            out.printf("[%s] pipeline: %d articles/s for %d s%n", LoadAverage.now(), settings.rate(), settings.seconds());
            results.put("fixedRate", run.fixedRate(settings.rate(), settings.seconds()));
            out.printf("[%s] pipeline: saturation, %,d articles%n", LoadAverage.now(), settings.articles());
            final Jfr jfr = settings.jfr() ? Jfr.start(run.first().pid(), work.resolve("saturation.jfr")) : null;
            final double[] stateAtTenth = new double[1];
            final List<double[]> tenths = new ArrayList<>();
            final PipelineRun.Saturation saturation = run.saturate(settings.articles(), () -> stateAtTenth[0] = run.stateMb(),
                    tenths);
            results.put("saturation", saturation);
            if (jfr != null) {
                results.put("jfr", jfr.stopAndSummarize());
            }
            results.put("growth", Map.of(
                    "firstTenthArticlesPerSecond", tenths.get(0)[0] / tenths.get(0)[1],
                    "lastTenthArticlesPerSecond", tenths.get(tenths.size() - 1)[0] / tenths.get(tenths.size() - 1)[1],
                    "stateMbAtFirstTenth", stateAtTenth[0], "stateMbAtEnd", saturation.stateMb()));
            final Map<String, Object> raw = castMap(results.get("raw"));
            results.put("ratio", saturation.articlesPerSecond() / (double) raw.get("articlesPerSecond"));
            out.printf("[%s] queries under ingestion at %d articles/s%n", LoadAverage.now(), settings.rate() / 2);
            results.put("queries", queries(run));
        }
    }

    private List<QueryLoad.Result> queries(final PipelineRun run) throws Exception {
        final Instant to = run.maxEventTime().truncatedTo(ChronoUnit.HOURS);
        final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), QueryLoad.class.getName(), run.first().baseUrl(),
                String.valueOf(settings.seconds()), String.valueOf(settings.queryRate()), "16",
                "/api/v1/countries/AZ", "/api/v1/countries/top?limit=10",
                "/api/v1/countries/US/timeline?from=" + to.minus(Duration.ofDays(30)) + "&to=" + to + "&interval=PT1H"));
        final Process load = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        final List<QueryLoad.Result> found = new ArrayList<>();
        final Thread reader = new Thread(() -> {
            final ObjectMapper json = new ObjectMapper();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    final QueryLoad.Result r = json.readValue(line, QueryLoad.Result.class);
                    synchronized (found) {
                        found.add(r);
                    }
                    out.printf("  [%s] %s%n", LoadAverage.now(), r);
                }
            } catch (IOException e) {
                out.println("query load output unreadable: " + e.getMessage());
            }
        }, "bench-query-reader");
        reader.start();
        run.feedUntil(settings.rate() / 2.0, () -> !load.isAlive());
        load.waitFor(1, TimeUnit.MINUTES);
        reader.join();
        return found;
    }

    private PipelineRun.Saturation variant(final Admin admin, final Corpus corpus, final Path work, final String bootstrap,
                                           final String registryUrl, final String name, final int instances,
                                           final int threads, final boolean longArticles) throws Exception {
        resetTopics(admin);
        final int articles = longArticles ? settings.variantArticles() / Corpus.LONG_PARTS : settings.variantArticles();
        out.printf("[%s] variant %s: %,d articles%n", LoadAverage.now(), name, articles);
        try (PipelineRun run = new PipelineRun(settings, corpus, work, name, bootstrap, registryUrl, instances, threads,
                longArticles, false)) {
            return run.saturate(articles, () -> { }, new ArrayList<>());
        }
    }

    /**
     * Deletes every topic but the registry's, so each run starts empty; the streams process
     * creates them again (partitions from the settings, no time-based retention) before it starts.
     */
    private void resetTopics(final Admin admin) throws Exception {
        deleteTopics(admin);
    }

    private static void deleteTopics(final Admin admin) throws Exception {
        final Set<String> doomed = admin.listTopics().names().get().stream()
                .filter(t -> !TOPICS_KEPT.contains(t)).collect(Collectors.toSet());
        if (doomed.isEmpty()) {
            return;
        }
        admin.deleteTopics(doomed).all().get();
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (admin.listTopics().names().get().stream().anyMatch(doomed::contains) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1_000); // let the broker finish removing the logs before topics of the same name come back
    }

    private static Map<String, Object> machine() {
        final Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("started", Instant.now().toString());
        machine.put("loadAverageAtStart", LoadAverage.now());
        return machine;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(final Object o) {
        return (Map<String, Object>) o;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
