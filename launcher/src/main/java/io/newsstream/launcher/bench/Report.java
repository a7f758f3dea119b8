package io.newsstream.launcher.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The results as a plain-text table (the same figures as the JSON file). */
final class Report {

    private static final String ROW = "%-44s %14s %10s %9s %9s %9s %9s %8s %8s %-14s%n";

    private final PrintStream out;

    Report(final PrintStream out) {
        this.out = out;
    }

    @SuppressWarnings("unchecked")
    void print(final Map<String, Object> results) {
        out.println();
        out.printf(ROW, "measure", "articles/s", "MB/s", "p50 ms", "p95 ms", "p99 ms", "CPU s", "heap MB", "state MB",
                "load avg");
        final Map<String, Object> raw = (Map<String, Object>) results.get("raw");
        if (raw != null) {
            out.printf(ROW, "raw pass-through (plain clients)", num(raw.get("articlesPerSecond")), num(raw.get("mbPerSecond")),
                    "", "", "", "", "", "", raw.get("loadAverage"));
        }
        if (results.get("fixedRate") instanceof PipelineRun.FixedRate f) {
            out.printf(ROW, "pipeline EOS, offered " + (long) f.offeredRate() + "/s", num(f.achievedRate()), "",
                    num(f.latency().p50Ms()), num(f.latency().p95Ms()), num(f.latency().p99Ms()), "", "", "", f.loadAverage());
        }
        if (results.get("saturation") instanceof PipelineRun.Saturation s) {
            saturationRow("pipeline EOS, saturation", s);
        }
        if (results.get("ratio") instanceof Double ratio) {
            out.printf("%-44s %14s%n", "ratio pipeline / raw", String.format("%.3f", ratio));
        }
        if (results.get("growth") instanceof Map<?, ?> g) {
            out.printf("%-44s %14s  (state %s MB → %s MB)%n", "first tenth → last tenth (stores growing)",
                    num(g.get("firstTenthArticlesPerSecond")) + " → " + num(g.get("lastTenthArticlesPerSecond")),
                    num(g.get("stateMbAtFirstTenth")), num(g.get("stateMbAtEnd")));
        }
        if (results.get("variants") instanceof List<?> variants) {
            for (Object v : variants) {
                saturationRow("variant " + ((PipelineRun.Saturation) v).name(), (PipelineRun.Saturation) v);
            }
        }
        if (results.get("queries") instanceof List<?> queries) {
            out.println();
            out.printf("%-78s %-24s %9s %9s %9s %7s%n", "query (during ingestion)", "mode", "req/s", "p50 ms", "p99 ms", "errors");
            for (Object o : queries) {
                final QueryLoad.Result q = (QueryLoad.Result) o;
                out.printf("%-78s %-24s %9s %9s %9s %7d%n", q.path(), q.mode(), num(q.requestsPerSecond()), num(q.p50Ms()),
                        num(q.p99Ms()), q.errors());
            }
        }
        if (results.get("jfr") instanceof JfrSummary.Summary jfr) {
            out.println();
            out.println("JFR execution samples at saturation (" + jfr.samples() + "), % of samples:");
            out.println("  top frames (self):          " + jfr.selfTop());
            out.println("  first newsstream frame:     " + jfr.newsstreamInclusive());
            out.println("  threads:                    " + jfr.threads());
        }
        out.println();
    }

    private void saturationRow(final String label, final PipelineRun.Saturation s) {
        out.printf(ROW, label + " (" + s.instances() + "×" + s.threads() + "t, " + s.articleKind() + ")",
                num(s.articlesPerSecond()), num(s.mbPerSecond()), num(s.latency().p50Ms()), num(s.latency().p95Ms()),
                num(s.latency().p99Ms()), num(s.cpuSeconds()), s.peakHeapMb(), num(s.stateMb()), s.loadAverage());
    }

    private static String num(final Object value) {
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        final double d = n.doubleValue();
        return d >= 100 ? String.format("%,.0f", d) : String.format("%.2f", d);
    }
}
