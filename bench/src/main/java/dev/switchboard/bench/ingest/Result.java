/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One measured phase: events acknowledged, elapsed time, latency of each acknowledgement (ms) and
 * failed requests.
 */
record Result(String name, long events, double seconds, Histogram latencyMicros, long failures) {

    double eventsPerSecond() {
        return events / seconds;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%-34s %10.0f ev/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %8.2f ms  (%d events in %.1f s, %d failed)",
                name,
                eventsPerSecond(),
                latencyMicros.getValueAtPercentile(50) / 1000.0,
                latencyMicros.getValueAtPercentile(95) / 1000.0,
                latencyMicros.getValueAtPercentile(99) / 1000.0,
                latencyMicros.getMaxValue() / 1000.0,
                events,
                seconds,
                failures);
    }
}
