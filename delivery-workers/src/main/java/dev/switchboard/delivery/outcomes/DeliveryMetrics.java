/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.outcomes;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The Micrometer meters of one destination, tagged {@code destination=<id>}: requests delivered,
 * retried and dead-lettered, calls in flight, the concurrency limit, latency (with a percentile
 * histogram) and consumer lag.
 */
public final class DeliveryMetrics {

    public static final String DELIVERED = "switchboard.delivery.delivered";
    public static final String RETRIED = "switchboard.delivery.retried";
    public static final String REPLAYED = "switchboard.delivery.replayed";
    public static final String DEAD_LETTERED = "switchboard.delivery.dead.lettered";
    public static final String IN_FLIGHT = "switchboard.delivery.in.flight";
    public static final String CONCURRENCY_LIMIT = "switchboard.delivery.concurrency.limit";
    public static final String LATENCY = "switchboard.delivery.latency";
    public static final String LAG = "switchboard.delivery.lag";
    public static final String PAUSED = "switchboard.delivery.paused";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter delivered;
    private final Counter retried;
    private final Counter replayed;
    private final Counter deadLettered;
    private final Timer latency;

    public DeliveryMetrics(MeterRegistry registry, String destinationId) {
        this.registry = registry;
        this.tags = Tags.of("destination", destinationId);
        this.delivered = Counter.builder(DELIVERED)
                .tags(tags)
                .description("requests delivered")
                .register(registry);
        this.replayed = Counter.builder(REPLAYED)
                .tags(tags)
                .description("requests delivered that a replay wrote (also counted as delivered)")
                .register(registry);
        this.retried = Counter.builder(RETRIED)
                .tags(tags)
                .description("requests scheduled for another attempt")
                .register(registry);
        this.deadLettered = Counter.builder(DEAD_LETTERED)
                .tags(tags)
                .description("requests dead-lettered")
                .register(registry);
        this.latency = Timer.builder(LATENCY)
                .tags(tags)
                .description("destination call latency")
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Registers the gauges that read the worker's live state. */
    public void gauges(Supplier<Number> inFlight, Supplier<Number> limit, Supplier<Number> lag) {
        Gauge.builder(IN_FLIGHT, inFlight).tags(tags).strongReference(true).register(registry);
        Gauge.builder(CONCURRENCY_LIMIT, limit).tags(tags).strongReference(true).register(registry);
        Gauge.builder(LAG, lag).tags(tags).strongReference(true).register(registry);
    }

    /** Registers the gauge that is 1 while an operator has paused the destination, else 0. */
    public void pausedGauge(Supplier<Number> paused) {
        Gauge.builder(PAUSED, paused)
                .tags(tags)
                .description("1 while delivery is paused by an operator")
                .strongReference(true)
                .register(registry);
    }

    public void delivered(int requests) {
        delivered.increment(requests);
    }

    /** Delivered requests that a replay wrote (they are counted by {@link #delivered} too). */
    public void replayed(int requests) {
        replayed.increment(requests);
    }

    public void retried(int requests) {
        retried.increment(requests);
    }

    public void deadLettered(int requests) {
        deadLettered.increment(requests);
    }

    public void latency(long millis) {
        latency.record(Duration.ofMillis(millis));
    }

    /**
     * Removes this destination's meters (its worker stopped), but {@code worker.restarts}, which
     * counts across the workers of one destination.
     */
    public void remove() {
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("switchboard.delivery.")
                        && !m.getId().getName().equals("switchboard.delivery.worker.restarts")
                        && tags.stream()
                                .allMatch(t -> t.getValue().equals(m.getId().getTag(t.getKey()))))
                .toList()
                .forEach(registry::remove);
    }
}
