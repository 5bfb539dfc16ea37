/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The run's knobs, from system properties ({@code -De2e.<name>=...} on the Maven command line):
 * {@code step} (seconds per step, 15), {@code start-rate} (events/s of the first step, 250),
 * {@code factor} (each next step's rate, 1.5), {@code max-steps} (of the ramp, 10), {@code batch}
 * (events per {@code /v1/batch} call, 20), {@code warmup} (seconds, 30), {@code routers} and
 * {@code deliveries} (processes of each role on the same broker, 1), {@code out} (the report's and the
 * plot's directory).
 */
record E2eSettings(
        Duration step,
        int startRate,
        double factor,
        int maxSteps,
        int batch,
        Duration warmup,
        int routers,
        int deliveries,
        Path out) {

    static E2eSettings fromSystemProperties() {
        return new E2eSettings(
                Duration.ofSeconds(Long.getLong("e2e.step", 15)),
                Integer.getInteger("e2e.start-rate", 250),
                Double.parseDouble(System.getProperty("e2e.factor", "1.5")),
                Integer.getInteger("e2e.max-steps", 10),
                Integer.getInteger("e2e.batch", 20),
                Duration.ofSeconds(Long.getLong("e2e.warmup", 30)),
                Integer.getInteger("e2e.routers", 1),
                Integer.getInteger("e2e.deliveries", 1),
                Path.of(System.getProperty("e2e.out", "target/e2e")));
    }

    @Override
    public String toString() {
        return "%d router and %d delivery processes; steps of %d s from %d ev/s x %.2f (at most %d), batches of %d,"
                        .formatted(routers, deliveries, step.toSeconds(), startRate, factor, maxSteps, batch)
                + " warm-up %d s".formatted(warmup.toSeconds());
    }
}
