package io.newsstream.launcher.bench;

import io.newsstream.streams.config.TopicNames;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * One configuration of the pipeline on fresh topics: {@code instances} streams processes with
 * {@code threads} stream threads each, exactly-once, fed by an {@link ArticleFeed} and watched
 * by a {@link Tracker}. Phases run one after another on the same processes, so state grows.
 */
final class PipelineRun implements AutoCloseable {

    /** The most articles sent but not yet visible while saturating: enough to keep every stage busy. */
    static final long MAX_IN_FLIGHT = 4_000;
    private static final long STALL_NANOS = 90_000_000_000L;
    private static final long COUNTS_QUIET_NANOS = 3_000_000_000L;

    /** What a saturation phase measured. */
    record Saturation(String name, int instances, int threads, String articleKind, long articles, long deadLettered,
                      double seconds, double articlesPerSecond, double mbPerSecond, Latencies.Summary latency,
                      double cpuSeconds, double cpuMsPerArticle, long peakHeapMb, long peakRssMb, double stateMb,
                      String loadAverage) {
    }

    /** What a fixed-rate phase measured. */
    record FixedRate(double offeredRate, long articles, double achievedRate, Latencies.Summary latency, String loadAverage) {
    }

    private final BenchSettings settings;
    private final String name;
    private final int instances;
    private final int threads;
    private final boolean longArticles;
    private final List<StreamsProcess> processes = new ArrayList<>();
    private final SendLog sends = new SendLog();
    private final ArticleFeed feed;
    private final Tracker tracker;
    private final Map<String, Object> adminProps = new HashMap<>();

    PipelineRun(final BenchSettings settings, final Corpus corpus, final Path workDir, final String name,
                final String bootstrapServers, final String registryUrl, final int instances, final int threads,
                final boolean longArticles, final boolean jfrReady) throws InterruptedException, IOException {
        this.settings = settings;
        this.name = name;
        this.instances = instances;
        this.threads = threads;
        this.longArticles = longArticles;
        final List<String> appArgs = List.of("--bootstrap-servers", bootstrapServers, "--schema-registry-url", registryUrl,
                "--application-id", "bench-" + name, "--stream-threads", String.valueOf(threads),
                "--partitions", String.valueOf(settings.partitions()));
        final List<String> kafkaArgs = new ArrayList<>();
        settings.kafkaOverrides().forEach((k, v) -> kafkaArgs.addAll(List.of("--kafka-property", k + "=" + v)));
        final List<String> jvm = jfrReady ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints") : List.of();
        for (int i = 0; i < instances; i++) {
            final List<String> args = new ArrayList<>(appArgs);
            args.addAll(kafkaArgs);
            processes.add(StreamsProcess.start(workDir, name + "-" + i, settings.streamsHeap(), jvm, args, freePort()));
        }
        for (StreamsProcess p : processes) {
            p.awaitReady(Duration.ofMinutes(3));
        }
        this.feed = new ArticleFeed(corpus, name, bootstrapServers, registryUrl, TopicNames.defaults().raw(),
                settings.kafkaOverrides());
        this.tracker = new Tracker(bootstrapServers, registryUrl, settings.kafkaOverrides(), TopicNames.defaults(), sends);
        adminProps.putAll(settings.kafkaOverrides());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    /** The latest event time sent so far (the end of a timeline with data in it). */
    Instant maxEventTime() {
        return feed.maxEventTime();
    }

    StreamsProcess first() {
        return processes.get(0);
    }

    /** Offers {@code rate} articles/s for {@code seconds} and waits until all are visible. */
    FixedRate fixedRate(final double rate, final int seconds) throws InterruptedException {
        final SendLog.Phase phase = new SendLog.Phase("fixed");
        final String load = LoadAverage.now();
        feed.send((int) (rate * seconds), rate, longArticles, sends, phase, sends::inFlight, Long.MAX_VALUE);
        final double sendSeconds = (System.nanoTime() - phase.firstSendNanos) / 1e9;
        awaitVisible(List.of(phase));
        return new FixedRate(rate, phase.sent.get(), phase.sent.get() / sendSeconds, phase.latencies.summary(),
                load + " → " + LoadAverage.now());
    }

    /** Offers articles at {@code rate} until {@code stop} says so (the query phase); returns how many. */
    long feedUntil(final double rate, final BooleanSupplier stop) throws InterruptedException {
        final SendLog.Phase phase = new SendLog.Phase("background");
        while (!stop.getAsBoolean()) {
            feed.send((int) Math.max(1, rate / 4), rate, longArticles, sends, phase, sends::inFlight, Long.MAX_VALUE);
        }
        awaitVisible(List.of(phase));
        return phase.sent.get();
    }

    /**
     * Sends {@code articles} as fast as {@link #MAX_IN_FLIGHT} allows, in ten slices (so the
     * first and last tenth can be compared as the stores grow), and waits for the last count.
     * {@code atTenth} runs once the first tenth is visible.
     */
    Saturation saturate(final int articles, final Runnable atTenth, final List<double[]> tenths) throws InterruptedException {
        final List<SendLog.Phase> slices = new ArrayList<>();
        final double cpuBefore = cpuSeconds();
        final String load = LoadAverage.now();
        final int slice = Math.max(1, articles / 10);
        boolean tenthReported = false;
        for (int sent = 0; sent < articles; sent += slice) {
            final SendLog.Phase phase = new SendLog.Phase("slice-" + slices.size());
            slices.add(phase);
            feed.send(Math.min(slice, articles - sent), 0, longArticles, sends, phase, sends::inFlight, MAX_IN_FLIGHT);
            if (!tenthReported && slices.get(0).done() >= slices.get(0).sent.get()) {
                atTenth.run();
                tenthReported = true;
            }
        }
        awaitVisible(slices);
        if (!tenthReported) {
            atTenth.run();
        }
        final long end = awaitCountsQuiet();
        final long start = slices.get(0).firstSendNanos;
        final double seconds = (end - start) / 1e9;
        final Latencies all = new Latencies();
        long bytes = 0;
        long dead = 0;
        for (SendLog.Phase p : slices) {
            all.addAll(p.latencies);
            bytes += p.bytes.get();
            dead += p.deadLettered.get();
            final double sliceSeconds = (p.lastVisibleNanos - p.firstSendNanos) / 1e9;
            tenths.add(new double[] {p.sent.get(), sliceSeconds});
        }
        final double cpu = cpuSeconds() - cpuBefore;
        return new Saturation(name, instances, threads, longArticles ? "long (~4 KB)" : "short (~0.8 KB)", articles, dead,
                seconds, articles / seconds, bytes / 1e6 / seconds, all.summary(), cpu, cpu * 1000 / articles,
                processes.stream().mapToLong(StreamsProcess::peakHeapMb).max().orElse(-1),
                processes.stream().mapToLong(StreamsProcess::peakRssMb).max().orElse(-1), stateMb(),
                load + " → " + LoadAverage.now());
    }

    double stateMb() {
        return processes.stream().mapToLong(StreamsProcess::stateBytes).sum() / 1e6;
    }

    private double cpuSeconds() {
        return processes.stream().mapToDouble(StreamsProcess::cpuSeconds).sum();
    }

    private void awaitVisible(final List<SendLog.Phase> phases) throws InterruptedException {
        long done = -1;
        long lastProgress = System.nanoTime();
        while (true) {
            final long now = phases.stream().mapToLong(SendLog.Phase::done).sum();
            if (now >= phases.stream().mapToLong(p -> p.sent.get()).sum()) {
                return;
            }
            if (now != done) {
                done = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_NANOS) {
                throw new IllegalStateException("run " + name + ": no article became visible for 90 s (" + done
                        + " visible); see the streams.log files in the work directory. Offsets now:\n" + offsets());
            }
            Thread.sleep(20);
        }
    }

    /** Waits until no count update arrived for a while; returns when the last one arrived. */
    private long awaitCountsQuiet() throws InterruptedException {
        final long deadline = System.nanoTime() + STALL_NANOS;
        while ((tracker.lastCountNanos() == 0 || System.nanoTime() - tracker.lastCountNanos() < COUNTS_QUIET_NANOS)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return tracker.lastCountNanos();
    }

    /**
     * Where a stalled run stands, per partition: the input's log start and end and the app's
     * committed position on it, and the tagged topic's end for read_uncommitted vs read_committed
     * (a gap that does not close is an open transaction holding back the last stable offset).
     */
    private String offsets() {
        final TopicNames topics = TopicNames.defaults();
        final StringBuilder out = new StringBuilder();
        try (Admin admin = Admin.create(adminProps)) {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("bench-" + name)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            for (String topic : List.of(topics.raw(), topics.tagged())) {
                final List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topic).partitions().stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                final var start = list(admin, partitions, OffsetSpec.earliest(), IsolationLevel.READ_UNCOMMITTED);
                final var end = list(admin, partitions, OffsetSpec.latest(), IsolationLevel.READ_UNCOMMITTED);
                final var stable = list(admin, partitions, OffsetSpec.latest(), IsolationLevel.READ_COMMITTED);
                for (TopicPartition tp : partitions) {
                    final OffsetAndMetadata position = committed.get(tp);
                    out.append(String.format("  %s: log start %d, end %d, last stable %d%s%n", tp, start.get(tp), end.get(tp),
                            stable.get(tp), position == null ? "" : ", app committed " + position.offset()));
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            out.append("  (offsets unavailable: ").append(e.getMessage()).append(")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    private static Map<TopicPartition, Long> list(final Admin admin, final List<TopicPartition> partitions, final OffsetSpec spec,
                                                  final IsolationLevel isolation)
            throws InterruptedException, ExecutionException, TimeoutException {
        final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        final Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        tracker.close();
        feed.close();
        processes.forEach(StreamsProcess::close);
    }
}
