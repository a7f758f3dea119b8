package io.newsstream.launcher.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The query load generator, run as its own JVM so its CPU is not the streams process's:
 * {@code QueryLoad <base-url> <seconds> <rate> <concurrency> <path>...}. For each path in turn,
 * an open-loop phase at {@code rate} requests/s (latency counted from when each request was due,
 * so a stalled server cannot hide its queueing), then a closed-loop phase with
 * {@code concurrency} workers as fast as answers come (saturation). Prints one JSON object per
 * path and phase on stdout.
 */
public final class QueryLoad {

    /** One path in one phase. */
    public record Result(String path, String mode, long requests, long errors, double requestsPerSecond,
                         double p50Ms, double p99Ms) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final long nanos;

    private QueryLoad(final String baseUrl, final int seconds) {
        this.baseUrl = baseUrl;
        this.nanos = seconds * 1_000_000_000L;
    }

    public static void main(final String[] args) throws Exception {
        final QueryLoad load = new QueryLoad(args[0], Integer.parseInt(args[1]));
        final double rate = Double.parseDouble(args[2]);
        final int concurrency = Integer.parseInt(args[3]);
        final ObjectMapper json = new ObjectMapper();
        for (int i = 4; i < args.length; i++) {
            load.closedLoop(args[i], 2, 1_000_000_000L); // warm-up: JIT and connections
            System.out.println(json.writeValueAsString(load.openLoop(args[i], rate)));
            System.out.println(json.writeValueAsString(load.closedLoop(args[i], concurrency, load.nanos)));
        }
    }

    private HttpRequest request(final String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).build();
    }

    private Result openLoop(final String path, final double rate) {
        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        final List<CompletableFuture<?>> calls = new ArrayList<>();
        final HttpRequest request = request(path);
        final long start = System.nanoTime();
        final long interval = (long) (1e9 / rate);
        long sent = 0;
        for (long due = start; due - start < nanos; due += interval) {
            for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
                LockSupport.parkNanos(due - now);
            }
            final long intended = due;
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                latencies.add(System.nanoTime() - intended);
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
            sent++;
        }
        calls.forEach(c -> c.exceptionally(e -> null).join());
        final double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(path, "rate " + (long) rate + "/s", sent, errors.get(), sent / seconds,
                latencies.percentileMs(50), latencies.percentileMs(99));
    }

    private Result closedLoop(final String path, final int workers, final long duration) throws InterruptedException {
        final Latencies latencies = new Latencies();
        final AtomicLong errors = new AtomicLong();
        final HttpRequest request = request(path);
        final long start = System.nanoTime();
        final List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            final Thread t = new Thread(() -> {
                while (System.nanoTime() - start < duration) {
                    final long t0 = System.nanoTime();
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add(System.nanoTime() - t0);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(path, "saturation (" + workers + " clients)", latencies.count(), errors.get(),
                latencies.count() / seconds, latencies.percentileMs(50), latencies.percentileMs(99));
    }
}
