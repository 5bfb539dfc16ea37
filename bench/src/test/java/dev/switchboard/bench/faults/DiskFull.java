/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.faults.Checker.Timing;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The broker's disk filled to the last byte mid-load for {@link #FULL}, then freed; the broker is
 * started again if it stopped (Kafka takes a log directory that cannot be written offline, and a
 * broker whose every log directory is offline shuts down). The promise: no 200 for an event that was
 * not written, so every acknowledged event is still delivered. Without a mountable small disk
 * ({@link SmallDisk}) the scenario runs as a plain load and says why.
 */
final class DiskFull {

    static final Duration FULL = Duration.ofSeconds(10);

    private DiskFull() {}

    static Scenario scenario() {
        return new Scenario(
                "disk-full",
                "the broker's " + SmallDisk.SIZE + " tmpfs filled for " + FULL.toSeconds() + " s, then freed",
                "wk_main",
                List.of("cap"),
                Set.of("broker"),
                Faults.BROKER_IN_FLIGHT,
                DiskFull::inject);
    }

    private static Timing inject(FaultCluster c) throws Exception {
        if (!c.disk.mounted()) {
            return new Timing(0, 0, "NOT RUN, no small disk: " + c.disk.problem());
        }
        Scenario.awaitFaultTime();
        long at = System.currentTimeMillis();
        long filled = c.disk.fill();
        Thread.sleep(FULL.toMillis());
        boolean brokerAlive = c.broker.isAlive();
        c.disk.free();
        long freed = System.currentTimeMillis();
        if (!c.broker.isAlive()) {
            c.broker.startAndAwait(FaultCluster.READY);
        }
        return new Timing(
                at,
                freed,
                "filled %d MB; the broker %s while full; freed, then serving after %d ms"
                        .formatted(
                                filled >> 20,
                                brokerAlive ? "kept running" : "stopped",
                                System.currentTimeMillis() - freed));
    }
}
