/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.router;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the bench JVM's live threads, summed by what they do (the application's stream
 * threads, its producers' network threads, the broker's request handlers and network threads, the
 * rest), to tell the router's own work from the broker's on a box where both share the cores.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {}

    /** Nanoseconds of CPU per group, for the threads alive now; {@code application} names the streams app. */
    static Map<String, Long> byGroup(String application) {
        Map<String, Long> groups = new TreeMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] == null || cpu < 0) {
                continue;
            }
            groups.merge(group(infos[i].getThreadName(), application), cpu, Long::sum);
        }
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(gc.getCollectionTime(), 0);
        }
        groups.put("gc-pauses", gcMillis * 1_000_000);
        groups.put("jit", ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000);
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
