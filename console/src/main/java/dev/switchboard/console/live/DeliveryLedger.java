/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.live;

import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One destination's delivery over the last day, in one-minute buckets: how many events reached each
 * step (Segment's Delivery Overview: refused at ingest, rejected by the router or the mapper, skipped by
 * the integrations object, dropped by a filter, delivered, retrying, dead-lettered), a sample of
 * delivery latencies, and the recent errors, kept apart so that new traffic never pushes them out.
 * Guarded by the {@link Recorder}'s lock.
 */
public final class DeliveryLedger {

    /** The steps an event may stop at, for this destination. */
    public enum Step {
        INGEST_REFUSED,
        ROUTER_REJECTED,
        MAPPER_REJECTED,
        SKIPPED_INTEGRATIONS,
        DROPPED_FILTER,
        DELIVERED,
        RETRYING,
        DEAD_LETTERED
    }

    static final int MINUTES = 24 * 60;
    /** Latencies kept per minute: the percentiles are over at most this many calls a minute. */
    static final int LATENCY_SAMPLES = 64;

    private final long[][] counts = new long[MINUTES][Step.values().length];
    private final long[] minuteOf = new long[MINUTES];
    private final long[][] latencies = new long[MINUTES][LATENCY_SAMPLES];
    private final int[] latencyCount = new int[MINUTES];
    private final ArrayDeque<DeliveryError> errors = new ArrayDeque<>();
    private final int errorCapacity;

    DeliveryLedger(int errorCapacity) {
        this.errorCapacity = errorCapacity;
        Arrays.fill(minuteOf, -1);
    }

    /** A call that did not deliver, with what was sent: the outcome and the request (null if not read). */
    public record DeliveryError(DeliveryOutcome outcome, DestinationRequest request) {}

    void count(Step step, Instant at, long n) {
        int b = bucket(at);
        if (b >= 0) {
            counts[b][step.ordinal()] += n;
        }
    }

    void outcome(DeliveryOutcome o, DestinationRequest request) {
        int b = bucket(o.getAttemptedAt());
        if (b < 0) {
            return;
        }
        long n = o.getMessageIds().size();
        switch (o.getStatus()) {
            case DELIVERED -> counts[b][Step.DELIVERED.ordinal()] += n;
            case RETRYING -> counts[b][Step.RETRYING.ordinal()] += n;
            case FAILED -> counts[b][Step.DEAD_LETTERED.ordinal()] += n;
        }
        // the first LATENCY_SAMPLES calls of a minute speak for it
        if (latencyCount[b] < LATENCY_SAMPLES) {
            latencies[b][latencyCount[b]++] = o.getLatencyMs();
        }
        if (o.getStatus() != DeliveryStatus.DELIVERED) {
            errors.addFirst(new DeliveryError(o, request));
            while (errors.size() > errorCapacity) {
                errors.removeLast();
            }
        }
    }

    /** The totals and latency percentiles over the {@code window} up to {@code now}. */
    Summary summary(Instant now, Duration window) {
        long nowMinute = now.getEpochSecond() / 60;
        long minutes = Math.min(MINUTES, Math.max(1, window.toMinutes()));
        Map<Step, Long> totals = new EnumMap<>(Step.class);
        for (Step s : Step.values()) {
            totals.put(s, 0L);
        }
        List<Long> sample = new ArrayList<>();
        for (long m = nowMinute - minutes + 1; m <= nowMinute; m++) {
            int b = (int) Math.floorMod(m, MINUTES);
            if (minuteOf[b] != m) {
                continue;
            }
            for (Step s : Step.values()) {
                totals.merge(s, counts[b][s.ordinal()], Long::sum);
            }
            for (int i = 0; i < latencyCount[b]; i++) {
                sample.add(latencies[b][i]);
            }
        }
        sample.sort(null);
        return new Summary(totals, percentile(sample, 0.50), percentile(sample, 0.95));
    }

    /** Delivered, retrying and dead-lettered per minute over the last {@code minutes}, oldest first. */
    List<long[]> trend(Instant now, int minutes) {
        long nowMinute = now.getEpochSecond() / 60;
        List<long[]> out = new ArrayList<>();
        for (long m = nowMinute - minutes + 1; m <= nowMinute; m++) {
            int b = (int) Math.floorMod(m, MINUTES);
            boolean live = minuteOf[b] == m;
            out.add(new long[] {
                m * 60_000,
                live ? counts[b][Step.DELIVERED.ordinal()] : 0,
                live ? counts[b][Step.RETRYING.ordinal()] : 0,
                live ? counts[b][Step.DEAD_LETTERED.ordinal()] : 0
            });
        }
        return out;
    }

    List<DeliveryError> errors() {
        return List.copyOf(errors);
    }

    /**
     * Totals over a window.
     *
     * @param steps events per step
     * @param p50 median delivery latency in ms, or -1 with no calls
     * @param p95 95th percentile in ms, or -1
     */
    public record Summary(Map<Step, Long> steps, long p50, long p95) {}

    /** The bucket of {@code at}'s minute, cleared when it held an older one; -1 when more than a day older. */
    private int bucket(Instant at) {
        long minute = at.getEpochSecond() / 60;
        int b = (int) Math.floorMod(minute, MINUTES);
        if (minuteOf[b] > minute) {
            return -1;
        }
        if (minuteOf[b] != minute) {
            minuteOf[b] = minute;
            Arrays.fill(counts[b], 0);
            latencyCount[b] = 0;
        }
        return b;
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
