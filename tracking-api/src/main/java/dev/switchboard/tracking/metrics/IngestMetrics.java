/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The tracking API's meters. Tags are bounded: {@code path} is the endpoint's canonical path (or
 * {@code other}), {@code source} a configured source id (or {@code unknown}), {@code reason} a
 * discard code from a fixed set.
 */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer ackLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ackLatency = Timer.builder("switchboard.tracking.ack.latency")
                .description("From the end of the request body to Kafka's acknowledgement of its last record")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    /** One HTTP request answered. */
    public void request(String path, int status) {
        Counter.builder("switchboard.tracking.requests")
                .description("HTTP requests by endpoint and status")
                .tag("path", path)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    /** Events accepted (acknowledged by Kafka) for one source. */
    public void accepted(String sourceId, int count) {
        if (count > 0) {
            events(sourceId, "accepted", "none").increment(count);
        }
    }

    /** One event rejected or dropped, with Segment's discard code. */
    public void rejected(String sourceId, String reason) {
        events(sourceId, "rejected", reason).increment();
    }

    /** Events dropped on purpose (an unknown write key under Segment's behaviour). */
    public void dropped(String reason, int count) {
        events("unknown", "dropped", reason).increment(count);
    }

    public void ackLatency(long nanos) {
        ackLatency.record(Duration.ofNanos(nanos));
    }

    private Counter events(String sourceId, String outcome, String reason) {
        return Counter.builder("switchboard.tracking.events")
                .description("Events by source, outcome and reason")
                .tag("source", sourceId == null ? "unknown" : sourceId)
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }
}
