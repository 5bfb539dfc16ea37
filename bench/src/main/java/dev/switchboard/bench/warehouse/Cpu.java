/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.warehouse;

import dev.switchboard.bench.cpu.JvmCpu;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the CPU of a load went, in cores (CPU seconds per wall second): this JVM's threads grouped
 * by name (digits dropped), its GC pauses and JIT time, the PostgreSQL processes and the whole
 * machine (Linux {@code /proc}), so the loader's own threads can be told from everything around them.
 */
record Cpu(
        Map<String, Long> threads,
        Map<String, Long> allocated,
        long jvmNanos,
        long gcNanos,
        long jitNanos,
        long postgresTicks,
        long machineTicks) {

    private static final double TICKS = 100.0; // USER_HZ on Linux
    private static final Function<String, String> BY_NAME = name -> name.replaceAll("[0-9]+", "#");

    static Cpu now() {
        return new Cpu(
                JvmCpu.threads(BY_NAME),
                JvmCpu.allocated(BY_NAME),
                JvmCpu.processNanos(),
                JvmCpu.gcPauseNanos(),
                JvmCpu.jitNanos(),
                postgres(),
                machine());
    }

    void printSince(Cpu before, double seconds) {
        System.out.printf("  CPU of the load in cores (CPU s per wall s, %.2f s):%n", seconds);
        threads.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.threads.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > seconds * 1e9 * 0.01)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(
                        "    thread %-40s %.2f   allocated %,6.0f MB%n",
                        e.getKey(),
                        e.getValue() / 1e9 / seconds,
                        (allocated.getOrDefault(e.getKey(), 0L) - before.allocated.getOrDefault(e.getKey(), 0L))
                                / 1e6));
        System.out.printf(
                "    GC pauses %.2f, JIT compilation %.2f (both also inside the JVM's threads)%n",
                (gcNanos - before.gcNanos) / 1e9 / seconds, (jitNanos - before.jitNanos) / 1e9 / seconds);
        double jvm = (jvmNanos - before.jvmNanos) / 1e9 / seconds;
        double postgres = (postgresTicks - before.postgresTicks) / TICKS / seconds;
        double machine = (machineTicks - before.machineTicks) / TICKS / seconds;
        System.out.printf(
                "    this JVM %.2f; PostgreSQL %.2f; the rest of the machine (the broker, the OS) %.2f%n",
                jvm, postgres, machine - jvm - postgres);
    }

    /** utime + stime of every process named postgres (the embedded server and its backends). */
    private static long postgres() {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("[0-9]+")) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException gone) {
                    // a backend that ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    /** Busy ticks of the whole machine (everything but idle and iowait) from /proc/stat. */
    private static long machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
