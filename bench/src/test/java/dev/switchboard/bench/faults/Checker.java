/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.cluster.CaptureServer;
import dev.switchboard.bench.cluster.CaptureServer.Arrival;
import dev.switchboard.bench.cluster.LoadGenerator.Sent;
import dev.switchboard.bench.cluster.TopicScan;
import dev.switchboard.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * What happened to one scenario's events, per destination: waits until every acknowledged event
 * arrived or the arrivals stop, then reads {@code sb.events}, the destination's dead letters and
 * {@code sb.rejected}, and counts. An event is lost when it was acknowledged (200) and reached the
 * destination neither as a delivery nor as a dead letter.
 */
final class Checker {

    /**
     * How long the arrivals may stall before the checker stops waiting for the rest: longer than the longest
     * stall the design allows, a static router member that stopped without leaving its group (a scale-in),
     * whose tasks move when its session times out (Kafka Streams' 45 s here, 60 s in deploy/), so that a
     * delay is measured as one, not counted as a loss. A run where everything arrives never waits for it.
     */
    private static final Duration QUIET = Duration.ofSeconds(60);

    private Checker() {}

    /**
     * The fault's timing: when it was injected and when it was removed (the restart issued, the
     * destination answering again); both 0 for a scenario without a fault.
     */
    record Timing(long faultAt, long recoverAt, String note) {
        static final Timing NONE = new Timing(0, 0, "");
    }

    /** The figures of one scenario at one destination. */
    record Result(
            String scenario,
            String destination,
            int sent,
            int acked,
            int archived,
            int delivered,
            int deliveredUnacked,
            int deadLettered,
            int rejected,
            int duplicated,
            int lost,
            long recoveryMillis,
            long maxGapMillis,
            long p50Millis,
            long p99Millis,
            long maxMillis,
            List<String> lostIds) {}

    /** Waits (at most {@code drainLimit}) for the acknowledged events, then counts, for each destination. */
    static List<Result> check(
            FaultCluster cluster,
            String scenario,
            String prefix,
            Map<String, Sent> sent,
            List<String> destinations,
            Timing timing,
            Duration drainLimit)
            throws InterruptedException {
        Set<String> acked = new HashSet<>();
        sent.values().stream().filter(s -> s.ackedAt() > 0).forEach(s -> acked.add(s.messageId()));
        awaitDrain(cluster.capture, prefix, acked, destinations, drainLimit);

        String kafka = cluster.broker.bootstrapServers();
        Set<String> archived = new HashSet<>();
        TopicScan.read(kafka, Topics.EVENTS.name(), Topics.EVENTS.valueSerde().deserializer(), e -> {
            if (e.getMessageId().startsWith(prefix + "-")) {
                archived.add(e.getMessageId());
            }
        });
        Set<String> rejected = new HashSet<>();
        TopicScan.read(
                kafka, Topics.REJECTED.name(), Topics.REJECTED.valueSerde().deserializer(), r -> {
                    if (r.getMessageId() != null && r.getMessageId().startsWith(prefix + "-")) {
                        rejected.add(r.getMessageId());
                    }
                });

        List<Arrival> arrivals = cluster.capture.arrivals();
        List<Result> results = new ArrayList<>();
        for (String destination : destinations) {
            Set<String> dead = new HashSet<>();
            TopicScan.read(
                    kafka,
                    Topics.deadLetter(destination).name(),
                    Topics.deadLetter(destination).valueSerde().deserializer(),
                    d -> d.getRequest().getMessageIds().stream()
                            .filter(id -> id.startsWith(prefix + "-"))
                            .forEach(dead::add));
            Map<String, Long> first = new HashMap<>();
            List<Long> times = new ArrayList<>();
            int copies = 0;
            for (Arrival a : arrivals) {
                if (a.destination().equals(destination) && a.messageId().startsWith(prefix + "-")) {
                    copies++;
                    first.merge(a.messageId(), a.atMillis(), Math::min);
                    times.add(a.atMillis());
                }
            }
            List<String> lost = new ArrayList<>();
            Histogram latency = new Histogram(3_600_000L, 3);
            for (String id : acked) {
                Long at = first.get(id);
                if (at != null) {
                    latency.recordValue(Math.max(0, at - sent.get(id).ackedAt()));
                } else if (!dead.contains(id)) {
                    lost.add(id);
                }
            }
            results.add(new Result(
                    scenario,
                    destination,
                    sent.size(),
                    acked.size(),
                    archived.size(),
                    first.size(),
                    (int) first.keySet().stream()
                            .filter(id -> !acked.contains(id))
                            .count(),
                    dead.size(),
                    rejected.size(),
                    copies - first.size(),
                    lost.size(),
                    recovery(timing, sent, first),
                    maxGap(times),
                    latency.getValueAtPercentile(50),
                    latency.getValueAtPercentile(99),
                    latency.getMaxValue(),
                    lost.stream().sorted().limit(10).toList()));
        }
        return results;
    }

    /**
     * From the fault's removal to the first delivery of an event acknowledged after the fault began:
     * such an event can only arrive once the system works again. -1 without a fault or such a delivery.
     */
    private static long recovery(Timing timing, Map<String, Sent> sent, Map<String, Long> first) {
        if (timing.recoverAt() == 0) {
            return -1;
        }
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : first.entrySet()) {
            Sent s = sent.get(e.getKey());
            if (s.ackedAt() >= timing.faultAt() && e.getValue() >= timing.recoverAt()) {
                earliest = Math.min(earliest, e.getValue());
            }
        }
        return earliest == Long.MAX_VALUE ? -1 : earliest - timing.recoverAt();
    }

    /** The longest time between two consecutive arrivals. */
    private static long maxGap(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        sorted.sort(null);
        long gap = 0;
        for (int i = 1; i < sorted.size(); i++) {
            gap = Math.max(gap, sorted.get(i) - sorted.get(i - 1));
        }
        return gap;
    }

    private static void awaitDrain(
            CaptureServer capture, String prefix, Set<String> acked, List<String> destinations, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int seen = -1;
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Map<String, Set<String>> got = new HashMap<>();
            int count = 0;
            for (Arrival a : capture.arrivals()) {
                if (a.messageId().startsWith(prefix + "-")) {
                    got.computeIfAbsent(a.destination(), d -> new HashSet<>()).add(a.messageId());
                    count++;
                }
            }
            boolean all = destinations.stream()
                    .allMatch(d -> got.getOrDefault(d, Set.of()).containsAll(acked));
            if (all) {
                return;
            }
            if (count != seen) {
                seen = count;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > QUIET.toNanos()) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
