/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.cluster.Cluster;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CPU time (user + system, from /proc/&lt;pid&gt;/stat through {@link ProcessHandle.Info}) each
 * part has used so far: the broker, the three roles, and this JVM ({@value #BENCH}: the load
 * generator and the capture destination).
 */
record CpuSnapshot(Map<String, Duration> byPart) {

    static final String BENCH = "bench JVM";

    static CpuSnapshot of(Cluster cluster) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cluster.parts().forEach((name, process) -> cpu.put(name, process.cpu()));
        cpu.put(BENCH, ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return new CpuSnapshot(Collections.unmodifiableMap(cpu));
    }

    /** The CPU each part used from {@code before} to this snapshot, in the order of {@code before}. */
    Map<String, Duration> since(CpuSnapshot before) {
        Map<String, Duration> used = new LinkedHashMap<>();
        before.byPart.forEach(
                (part, then) -> used.put(part, byPart.getOrDefault(part, then).minus(then)));
        return used;
    }
}
