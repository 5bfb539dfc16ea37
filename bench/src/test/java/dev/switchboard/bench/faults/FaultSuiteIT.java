/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.bench.cluster.LoadGenerator;
import dev.switchboard.bench.faults.Scenario.Outcome;
import dev.switchboard.embedded.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault suite: every scenario of {@link Faults#all()} (or those named in
 * {@code -Dfaults.scenarios=a,b}) in order, on one cluster of OS processes, the report written to
 * {@code -Dfaults.report} after each. Fails at the end when any scenario failed, naming each failure.
 * Run with {@code ./mvnw -o -B -pl bench -am verify -Pfaults} (bench/README.md, docs/guarantees.md).
 */
class FaultSuiteIT {

    @Test
    void shouldLoseNothingAcknowledgedUnderEveryFault() throws Exception {
        Path report = Path.of(System.getProperty("faults.report", "target/faults/report.md"));
        Path dir = report.getParent().resolve("run");
        SmallDisk.unmountLeftover(dir.resolve("disk"));
        EmbeddedKafka.deleteRecursively(dir);
        Files.createDirectories(dir);
        String only = System.getProperty("faults.scenarios", "all");
        Set<String> chosen = only.isBlank() || only.equals("all")
                ? Set.of()
                : Arrays.stream(only.split(",")).map(String::trim).collect(Collectors.toSet());
        Instant started = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        try (FaultCluster cluster = new FaultCluster(dir).start()) {
            // Warm-up, not reported: the first seconds of a fresh JVM would count against the first scenario.
            new LoadGenerator(cluster.apiPort(), "wk_main").run("warmup", Scenario.RATE, Scenario.FAULT_AFTER);
            for (Scenario scenario : Faults.all()) {
                if (!chosen.isEmpty() && !chosen.contains(scenario.name)) {
                    continue;
                }
                System.out.printf("%n==== %s: %s (%s)%n", scenario.name, scenario.description, Instant.now());
                Outcome outcome = scenario.run(cluster);
                outcomes.add(outcome);
                String table = Report.markdown(outcomes, started);
                Report.write(report, table);
                System.out.println(table);
                cluster.startRoles(); // a scenario that left a part down must not fail the next ones
            }
        }
        List<String> failures = outcomes.stream()
                .flatMap(o -> o.failures().stream().map(f -> o.name() + ": " + f))
                .toList();
        assertThat(outcomes).as("scenarios run").isNotEmpty();
        assertThat(failures).as("failed scenarios (report: %s)", report).isEmpty();
    }
}
