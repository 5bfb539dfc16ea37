/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The run in Markdown, as bench/e2e.md quotes it. */
final class E2eReport {

    private static final List<String> PARTS =
            List.of("tracking-api", "router", "delivery", "broker", CpuSnapshot.BENCH);

    private E2eReport() {}

    static String markdown(E2eRun run) {
        StringBuilder out = new StringBuilder();
        StepResult best = run.sustained();
        out.append("End-to-end run of %s on %d cores (%s); load average (1 min) per step in the tables.\n\n"
                .formatted(run.started(), Runtime.getRuntime().availableProcessors(), run.settings()));
        if (!run.restartedAtStart().isEmpty()) {
            out.append("Restarted once before the run, not ready after 120 s: %s (see its log).\n\n"
                    .formatted(String.join(", ", run.restartedAtStart())));
        }
        out.append("| figure | events/s | ratio |\n| --- | ---: | ---: |\n");
        if (best != null) {
            out.append(row(
                    "sustained end to end (ingested -> delivered, 3 destinations, %d ev/s offered)"
                            .formatted(best.rate()),
                    best.deliveredRate(),
                    best.deliveredRate() / run.kafkaFloor()));
        } else {
            out.append("| sustained end to end | none: the first step fell behind | - |\n");
        }
        out.append(row("raw Kafka produce -> consume, same payloads, same broker (the floor)", run.kafkaFloor(), 1));
        out.append(row(
                "capture destination alone (one POST per event, from the bench JVM)",
                run.captureFloor(),
                run.captureFloor() / run.kafkaFloor()));
        out.append("\nRatios are against the raw Kafka floor.\n\n### Ramp (3 destinations)\n\n");
        steps(out, run.ramp());
        out.append("\n### Latency at 50% and 90% of the sustained maximum (3 destinations)\n\n");
        out.append("Ack: the `/v1/batch` call, sent to answered 200 (µs resolution). Ingest to delivery: the call"
                + " sent to the destination's 200 for each event and destination (ms resolution).\n\n");
        latency(out, List.of(run.half(), run.ninety()));
        out.append("\n### CPU per event per role, by destinations (same rate, 50% of the sustained maximum)\n\n");
        steps(out, run.byDestinations());
        out.append('\n');
        cpu(out, run.byDestinations());
        if (best != null) {
            out.append("\n### CPU at the sustained maximum (%d ev/s offered)\n\n".formatted(best.rate()));
            cpu(out, List.of(best));
        }
        return out.toString();
    }

    private static String row(String name, double rate, double ratio) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.2f |%n", name, rate, ratio);
    }

    private static void steps(StringBuilder out, List<StepResult> steps) {
        out.append("| step | destinations | offered ev/s | acked ev/s | unacked | delivered ev/s | kept up"
                + " | ack p99 ms | delivery p50 / p95 / p99 ms | load avg |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |\n");
        for (StepResult s : steps) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f | %d | %.0f | %s | %.1f | %s | %s |%n",
                    s.label(),
                    s.destinations(),
                    s.rate(),
                    s.ackedRate(),
                    s.unacked(),
                    s.deliveredRate(),
                    s.keptUp() ? "yes" : "**no**",
                    s.ackMicros().getValueAtPercentile(99) / 1000.0,
                    percentiles(s.deliveryMillis(), 1),
                    s.loadAverage()));
        }
    }

    private static void latency(StringBuilder out, List<StepResult> steps) {
        out.append("| step | offered ev/s | ack p50 / p95 / p99 ms | ingest to delivery p50 / p95 / p99 ms"
                + " | load avg |\n| --- | ---: | --- | --- | --- |\n");
        for (StepResult s : steps) {
            out.append("| %s | %d | %s | %s | %s |%n"
                    .formatted(
                            s.label(),
                            s.rate(),
                            percentiles(s.ackMicros(), 1000),
                            percentiles(s.deliveryMillis(), 1),
                            s.loadAverage()));
        }
    }

    /** {@code p50 / p95 / p99}, each value divided by {@code unit} (1000: µs to ms). */
    static String percentiles(Histogram h, int unit) {
        return String.format(
                Locale.ROOT,
                unit == 1 ? "%.0f / %.0f / %.0f" : "%.1f / %.1f / %.1f",
                h.getValueAtPercentile(50) / (double) unit,
                h.getValueAtPercentile(95) / (double) unit,
                h.getValueAtPercentile(99) / (double) unit);
    }

    /** µs of CPU per acknowledged event, and cores kept busy, per part. */
    private static void cpu(StringBuilder out, List<StepResult> steps) {
        out.append("| step | destinations | acked ev/s");
        PARTS.forEach(p -> out.append(" | ").append(p).append(" µs/ev (cores)"));
        out.append(" |\n| --- | ---: | ---:");
        PARTS.forEach(p -> out.append(" | ---:"));
        out.append(" |\n");
        for (StepResult s : steps) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.0f", s.label(), s.destinations(), s.ackedRate()));
            for (String p : PARTS) {
                out.append(String.format(Locale.ROOT, " | %.0f (%.2f)", s.cpuMicrosPerEvent(p), s.cores(p)));
            }
            out.append(" |\n");
        }
    }
}
