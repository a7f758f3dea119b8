package io.newsstream.launcher.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which articles are on their way, since when and in which measured phase; the tracker closes
 * each entry when the article becomes visible (or is dead-lettered).
 */
final class SendLog {

    /** One measured phase: its sends, what became visible, and the latencies. */
    static final class Phase {
        final String name;
        final Latencies latencies = new Latencies();
        final AtomicLong sent = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong visible = new AtomicLong();
        final AtomicLong deadLettered = new AtomicLong();
        volatile long firstSendNanos;
        volatile long lastVisibleNanos;

        Phase(final String name) {
            this.name = name;
        }

        long done() {
            return visible.get() + deadLettered.get();
        }
    }

    private record Pending(Phase phase, long sentNanos) {
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();

    void sent(final String id, final Phase phase, final int bytes) {
        final long now = System.nanoTime();
        if (phase.sent.getAndIncrement() == 0) {
            phase.firstSendNanos = now;
        }
        phase.bytes.addAndGet(bytes);
        inFlight.incrementAndGet();
        pending.put(id, new Pending(phase, now));
    }

    void visible(final String id, final long nowNanos) {
        final Pending p = pending.remove(id);
        if (p != null) {
            inFlight.decrementAndGet();
            p.phase().latencies.add(nowNanos - p.sentNanos());
            p.phase().visible.incrementAndGet();
            p.phase().lastVisibleNanos = nowNanos;
        }
    }

    void deadLettered(final String id) {
        final Pending p = pending.remove(id);
        if (p != null) {
            inFlight.decrementAndGet();
            p.phase().deadLettered.incrementAndGet();
        }
    }

    long inFlight() {
        return inFlight.get();
    }
}
