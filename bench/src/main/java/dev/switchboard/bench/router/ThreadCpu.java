/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.router;

import dev.switchboard.bench.cpu.JvmCpu;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of the bench JVM's live threads, summed by what they do (the application's stream
 * threads, its producers' network threads, the broker's request handlers and network threads, the
 * rest), to tell the router's own work from the broker's on a box where both share the cores.
 */
final class ThreadCpu {

    private ThreadCpu() {}

    /** Nanoseconds of CPU per group, for the threads alive now; {@code application} names the streams app. */
    static Map<String, Long> byGroup(String application) {
        Map<String, Long> groups = JvmCpu.threads(thread -> group(thread, application));
        groups.put("gc-pauses", JvmCpu.gcPauseNanos());
        groups.put("jit", JvmCpu.jitNanos());
        return groups;
    }

    private static String group(String thread, String application) {
        if (thread.startsWith("kafka-producer-network-thread") && thread.contains(application)) {
            return "app-producer-io";
        }
        if (thread.startsWith(application) && thread.contains("StreamThread")) {
            return "app-stream";
        }
        if (thread.startsWith("data-plane-kafka-request-handler")) {
            return "broker-handlers";
        }
        if (thread.startsWith("data-plane-kafka-network-thread")) {
            return "broker-network";
        }
        return "other";
    }

    /** Microseconds per record per group, between two {@link #byGroup} snapshots. */
    static Map<String, Long> perRecord(Map<String, Long> before, Map<String, Long> after, long records) {
        Map<String, Long> result = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            long micros = delta / 1_000 / Math.max(records, 1);
            result.put(e.getKey(), micros);
            total += micros;
        }
        result.put("total", total);
        return result;
    }
}
