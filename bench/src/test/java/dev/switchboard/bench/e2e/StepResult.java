/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One step of the run: {@code rate} events/s offered for {@code seconds} to a source with
 * {@code destinations} destinations. {@code deliveredRate} counts each destination's deliveries that
 * arrived while the load ran (divided by the destinations); the step kept up when at least 95% of the
 * offered events were acknowledged, at least 90% of them were delivered while the load ran (no
 * backlog growing through the step) and every acknowledged event reached every destination within
 * {@link StepRunner#GRACE} of the load's end. {@code cpu} is each part's CPU time from the load's start to
 * that moment ({@code cpuWindow}).
 */
record StepResult(
        String label,
        int destinations,
        int rate,
        double seconds,
        int sent,
        int acked,
        int unacked,
        int deliveredToAll,
        double deliveredRate,
        boolean keptUp,
        Histogram ackMicros,
        Histogram deliveryMillis,
        Map<String, Duration> cpu,
        Duration cpuWindow,
        String loadAverage) {

    double ackedRate() {
        return acked / seconds;
    }

    /** A part's CPU time per acknowledged event, in microseconds (of all its processes: router, router-2, ...). */
    double cpuMicrosPerEvent(String part) {
        return acked == 0 ? 0 : cpuNanos(part) / 1000.0 / acked;
    }

    /** How many cores a part (all its processes) kept busy on average over the CPU window. */
    double cores(String part) {
        return (double) cpuNanos(part) / cpuWindow.toNanos();
    }

    private long cpuNanos(String part) {
        return cpu.entrySet().stream()
                .filter(e -> e.getKey().equals(part) || e.getKey().startsWith(part + "-"))
                .mapToLong(e -> e.getValue().toNanos())
                .sum();
    }
}
