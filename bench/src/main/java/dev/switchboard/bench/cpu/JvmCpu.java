/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cpu;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The bench JVM's own CPU, read from its management beans: the whole process, its live threads
 * summed by a grouping of their names (with what they allocated), GC pauses and JIT compilation.
 * Every figure is a running total; a bench prints the difference of two readings.
 */
public final class JvmCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
    private static final OperatingSystemMXBean PROCESS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);

    private JvmCpu() {}

    /** Nanoseconds of CPU of this JVM, every thread (the JIT's and GC's included). */
    public static long processNanos() {
        return PROCESS.getProcessCpuTime();
    }

    /** Nanoseconds of CPU of the threads alive now, summed by {@code group} of their names. */
    public static Map<String, Long> threads(Function<String, String> group) {
        return byThread(group, false);
    }

    /** Bytes allocated by the threads alive now, summed by {@code group} of their names. */
    public static Map<String, Long> allocated(Function<String, String> group) {
        return byThread(group, true);
    }

    /** Nanoseconds the collectors report as collection time (the pauses, for G1's young collections). */
    public static long gcPauseNanos() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(gc.getCollectionTime(), 0);
        }
        return millis * 1_000_000;
    }

    /** Nanoseconds the JIT compilers have spent compiling. */
    public static long jitNanos() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime() * 1_000_000;
    }

    private static Map<String, Long> byThread(Function<String, String> group, boolean allocated) {
        Map<String, Long> groups = new TreeMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] values = allocated ? THREADS.getThreadAllocatedBytes(ids) : THREADS.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && values[i] >= 0) {
                groups.merge(group.apply(infos[i].getThreadName()), values[i], Long::sum);
            }
        }
        return groups;
    }
}
