/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.cluster.LoadGenerator;
import dev.switchboard.bench.cluster.LoadGenerator.Sent;
import dev.switchboard.bench.faults.Checker.Result;
import dev.switchboard.bench.faults.Checker.Timing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One scenario: load from one source for {@link #LOAD}, a fault injected on its own thread while
 * the load runs, then the {@link Checker}. It fails on any loss, on more duplicates than
 * {@code duplicateBound} at a destination, on a part that crashed without being the one killed, and
 * when nothing was acknowledged (a run that measured nothing).
 */
final class Scenario {

    static final int RATE = 200;
    static final Duration LOAD = Duration.ofSeconds(35);
    static final Duration FAULT_AFTER = Duration.ofSeconds(10);
    static final Duration DRAIN = Duration.ofSeconds(90);

    /** A fault: acts on the cluster while the load runs and says when it began and ended. */
    @FunctionalInterface
    interface Fault {
        Timing inject(FaultCluster cluster) throws Exception;
    }

    /** What a scenario adds to the plain load: events it sent itself, and checks of its own. */
    interface Extra {
        /** Good events it sent and had acknowledged, checked like the load's. */
        Map<String, Sent> sent();

        /** Its own failures, read after the drain; and a line for the report. */
        List<String> check(FaultCluster cluster);

        String note();
    }

    /** The verdict of one scenario: its rows and, when it failed, why. */
    record Outcome(String name, String fault, List<Result> results, List<String> failures, String notes) {}

    final String name;
    final String description;
    final String writeKey;
    final List<String> destinations;
    final Set<String> killed;
    final int duplicateBound;
    final Fault fault;
    final Extra extra;

    Scenario(
            String name,
            String description,
            String writeKey,
            List<String> destinations,
            Set<String> killed,
            int duplicateBound,
            Fault fault) {
        this(name, description, writeKey, destinations, killed, duplicateBound, fault, null);
    }

    Scenario(
            String name,
            String description,
            String writeKey,
            List<String> destinations,
            Set<String> killed,
            int duplicateBound,
            Fault fault,
            Extra extra) {
        this.extra = extra;
        this.name = name;
        this.description = description;
        this.writeKey = writeKey;
        this.destinations = destinations;
        this.killed = killed;
        this.duplicateBound = duplicateBound;
        this.fault = fault;
    }

    /** Runs the load and the fault, then checks. */
    Outcome run(FaultCluster cluster) throws Exception {
        Map<String, Integer> startsBefore = starts(cluster);
        String loadBefore = loadAverage();
        AtomicReference<Timing> timing = new AtomicReference<>(Timing.NONE);
        AtomicReference<Exception> faultError = new AtomicReference<>();
        Thread injector = new Thread(
                () -> {
                    try {
                        timing.set(fault.inject(cluster));
                    } catch (Exception e) {
                        faultError.set(e);
                    }
                },
                "fault-" + name);
        injector.start();
        Map<String, Sent> sent =
                new java.util.HashMap<>(new LoadGenerator(cluster.apiPort(), writeKey).run(name, RATE, LOAD));
        injector.join(Duration.ofSeconds(150).toMillis());
        if (extra != null) {
            sent.putAll(extra.sent());
        }
        List<String> failures = new ArrayList<>();
        if (faultError.get() != null) {
            failures.add("the fault could not be injected or removed: "
                    + faultError.get().getMessage());
        }
        List<Result> results = Checker.check(cluster, name, name, sent, destinations, timing.get(), DRAIN);
        failures.addAll(verdict(cluster, results, startsBefore));
        Map<Integer, Long> answers = new java.util.TreeMap<>(sent.values().stream()
                .collect(java.util.stream.Collectors.groupingBy(Sent::status, java.util.stream.Collectors.counting())));
        String note = "load average " + loadBefore + " -> " + loadAverage()
                + " (2 cores shared); events by answer (-1: none) "
                + answers
                + (timing.get().note().isBlank() ? "" : "; " + timing.get().note());
        if (extra != null) {
            failures.addAll(extra.check(cluster));
            note = note + "; " + extra.note();
        }
        return new Outcome(name, description, results, failures, note);
    }

    List<String> verdict(FaultCluster cluster, List<Result> results, Map<String, Integer> startsBefore) {
        List<String> failures = new ArrayList<>();
        for (Result r : results) {
            if (r.acked() == 0) {
                failures.add(r.destination() + ": nothing was acknowledged");
            }
            if (r.lost() > 0) {
                failures.add(r.destination() + ": " + r.lost() + " acknowledged events lost, e.g. " + r.lostIds());
            }
            if (r.duplicated() > duplicateBound) {
                failures.add(r.destination() + ": " + r.duplicated() + " duplicates, bound " + duplicateBound);
            }
        }
        failures.addAll(crashes(cluster, startsBefore));
        return failures;
    }

    /** Parts that died or were restarted without being this scenario's target. */
    List<String> crashes(FaultCluster cluster, Map<String, Integer> startsBefore) {
        List<String> out = new ArrayList<>();
        cluster.parts().forEach((part, process) -> {
            if (!process.isAlive()) {
                out.add(part + " is not running:\n" + process.tail(30));
            } else if (!killed.contains(part) && process.starts() != startsBefore.get(part)) {
                out.add(part + " was restarted though it was not the target");
            }
        });
        return out;
    }

    static Map<String, Integer> starts(FaultCluster cluster) {
        Map<String, Integer> out = new java.util.HashMap<>();
        cluster.parts().forEach((part, p) -> out.put(part, p.starts()));
        return out;
    }

    /** The machine's 1-minute load average (Linux), for the report: the box is shared. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Waits until {@link #FAULT_AFTER} of the load has passed. */
    static void awaitFaultTime() throws InterruptedException {
        Thread.sleep(FAULT_AFTER.toMillis());
    }
}
