package io.newsstream.producer.ingest;

import java.io.PrintStream;

/**
 * A one-line progress bar for terminals: {@code [#########-----------]  45%  1203 published · 12
 * duplicates · 1 rejected}, redrawn in place with a carriage return, at most every 100 ms.
 * Progress is measured in input bytes read, the only total known before a {@code .jsonl} file is
 * read; the counts come from the ingestion summary.
 */
public final class ProgressLine {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final long totalBytes;
    private long lastDrawn = Long.MIN_VALUE;
    private boolean drawn;

    public ProgressLine(final PrintStream out, final long totalBytes) {
        this.out = out;
        this.totalBytes = totalBytes;
    }

    /** Redraws the line unless it was drawn less than 100 ms ago (or {@code force}). */
    public void update(final long bytesDone, final IngestSummary summary, final boolean force) {
        final long now = System.nanoTime();
        if (!force && drawn && now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        out.print("\r" + render(bytesDone, totalBytes, summary) + "\u001b[K");
        out.flush();
    }

    /** Ends the line so that what follows starts on a fresh one. */
    public void finish() {
        if (drawn) {
            out.println();
        }
    }

    static String render(final long done, final long total, final IngestSummary s) {
        final double fraction = total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
        final int filled = (int) Math.round(fraction * WIDTH);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + String.format("%3d%%  %d published · %d duplicates · %d rejected", Math.round(fraction * 100),
                s.published(), s.duplicates() + s.changed(), s.rejectedCount())
                + (s.failedCount() > 0 ? " · " + s.failedCount() + " failed" : "");
    }
}
