/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.cluster.CaptureServer.Arrival;
import dev.switchboard.bench.cluster.Cluster;
import dev.switchboard.bench.cluster.LoadGenerator;
import dev.switchboard.bench.cluster.LoadGenerator.Sent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Runs one step: {@code /v1/batch} calls of {@link E2eEvents} at a fixed offered rate for a fixed
 * time, then waits up to {@link #GRACE} for every acknowledged event at every destination, reads
 * each part's CPU time, and, when the step fell behind, waits on until the backlog is delivered (or
 * stops moving), so the next step starts clean. Every event and delivery also goes to the
 * {@link Timeline}.
 */
final class StepRunner {

    static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration BACKLOG_LIMIT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(10);

    private final Cluster cluster;
    private final Timeline timeline;
    private final int batchSize;
    private int steps;

    StepRunner(Cluster cluster, Timeline timeline, int batchSize) {
        this.cluster = cluster;
        this.timeline = timeline;
        this.batchSize = batchSize;
    }

    StepResult run(String label, Fanout fanout, int rate, Duration duration) throws InterruptedException {
        String prefix = "e" + (++steps);
        String load = loadAverage();
        CpuSnapshot before = CpuSnapshot.of(cluster);
        long start = System.currentTimeMillis();
        LoadGenerator generator =
                LoadGenerator.batches(cluster.apiPort(), fanout.writeKey(), batchSize, E2eEvents::event);
        Map<String, Sent> sent = generator.run(prefix, rate, duration);
        long loadEnd = start + duration.toMillis();
        Deliveries deliveries = new Deliveries(prefix, fanout.destinationIds(), sent);
        deliveries.await(System.currentTimeMillis() + GRACE.toMillis(), Long.MAX_VALUE);
        CpuSnapshot after = CpuSnapshot.of(cluster);
        Duration window = Duration.ofMillis(System.currentTimeMillis() - start);
        int inTime = deliveries.toAll();
        if (inTime < deliveries.acked) {
            deliveries.await(System.currentTimeMillis() + BACKLOG_LIMIT.toMillis(), QUIET.toMillis());
        }
        sent.values().forEach(timeline::sent);
        Histogram latency = new Histogram(3_600_000L, 3);
        long inLoad = 0;
        for (Map<String, Long> first : deliveries.first.values()) {
            for (Map.Entry<String, Long> e : first.entrySet()) {
                long sentAt = sent.get(e.getKey()).sentAt();
                timeline.delivered(sentAt, e.getValue(), fanout.destinations());
                latency.recordValue(Math.max(0, e.getValue() - sentAt));
                if (e.getValue() <= loadEnd) {
                    inLoad++;
                }
            }
        }
        double seconds = duration.toMillis() / 1000.0;
        int offered = (int) Math.round(rate * seconds);
        double deliveredInLoad = inLoad / (double) fanout.destinations();
        StepResult result = new StepResult(
                label,
                fanout.destinations(),
                rate,
                seconds,
                sent.size(),
                deliveries.acked,
                sent.size() - deliveries.acked,
                inTime,
                deliveredInLoad / seconds,
                deliveries.acked >= 0.95 * offered
                        && inTime == deliveries.acked
                        && deliveredInLoad >= 0.9 * deliveries.acked,
                generator.ackMicros(),
                latency,
                after.since(before),
                window,
                load + " -> " + loadAverage());
        System.out.printf(
                "e2e %s: %d ev/s to %d destinations: acked %.0f ev/s, delivered %.0f ev/s, %s; ack ms %s;"
                        + " delivery ms %s; load %s%n",
                label,
                rate,
                fanout.destinations(),
                result.ackedRate(),
                result.deliveredRate(),
                result.keptUp() ? "kept up" : "FELL BEHIND",
                E2eReport.percentiles(result.ackMicros(), 1000),
                E2eReport.percentiles(latency, 1),
                result.loadAverage());
        return result;
    }

    /** The 1-minute load average (/proc/loadavg), as {@code uptime} prints it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The first arrival of each acknowledged event of one step at each of its destinations. */
    private final class Deliveries {
        final String prefix;
        final List<String> destinations;
        final Map<String, Map<String, Long>> first = new HashMap<>();
        final int acked;

        Deliveries(String prefix, List<String> destinations, Map<String, Sent> sent) {
            this.prefix = prefix + "-";
            this.destinations = destinations;
            destinations.forEach(d -> first.put(d, new HashMap<>()));
            this.acked =
                    (int) sent.values().stream().filter(s -> s.ackedAt() > 0).count();
        }

        /** Events delivered to every destination. */
        int toAll() {
            return first.values().stream().mapToInt(Map::size).min().orElse(0);
        }

        /** Until every acknowledged event reached every destination, {@code deadline}, or no arrival for {@code quiet} ms. */
        void await(long deadline, long quiet) throws InterruptedException {
            long lastArrival = System.currentTimeMillis();
            while (toAll() < acked && System.currentTimeMillis() < deadline) {
                boolean any = false;
                for (Arrival a : cluster.capture.drain()) {
                    Map<String, Long> at = first.get(a.destination());
                    if (at != null && a.messageId().startsWith(prefix)) {
                        at.merge(a.messageId(), a.atMillis(), Math::min);
                        any = true;
                    }
                }
                long now = System.currentTimeMillis();
                if (any) {
                    lastArrival = now;
                } else if (now - lastArrival > quiet) {
                    return;
                }
                Thread.sleep(50);
            }
        }
    }
}
