/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.faults.Checker.Result;
import dev.switchboard.bench.faults.Scenario.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The checker's table in Markdown, as docs/guarantees.md quotes it, rewritten after every scenario. */
final class Report {

    private Report() {}

    static String markdown(List<Outcome> outcomes, Instant started) {
        StringBuilder out = new StringBuilder();
        out.append("Fault suite run of ")
                .append(started)
                .append(": ")
                .append(Scenario.RATE)
                .append(" ev/s for ")
                .append(Scenario.LOAD.toSeconds())
                .append(" s per scenario, fault after ")
                .append(Scenario.FAULT_AFTER.toSeconds())
                .append(" s; latency is ack to first delivery, in ms.\n\n");
        out.append(
                "| scenario | destination | sent | acked | archived | delivered | of them unacked | dead-lettered | rejected"
                        + " | duplicated | lost | recovery ms | max gap ms | p50 | p99 | max | verdict |\n");
        out.append(
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Outcome o : outcomes) {
            for (Result r : o.results()) {
                out.append("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %d | %d | %d | %d | %s |\n"
                        .formatted(
                                o.name(),
                                r.destination(),
                                r.sent(),
                                r.acked(),
                                r.archived(),
                                r.delivered(),
                                r.deliveredUnacked(),
                                r.deadLettered(),
                                r.rejected(),
                                r.duplicated(),
                                r.lost(),
                                r.recoveryMillis() < 0 ? "-" : Long.toString(r.recoveryMillis()),
                                r.maxGapMillis(),
                                r.p50Millis(),
                                r.p99Millis(),
                                r.maxMillis(),
                                o.failures().isEmpty() ? "pass" : "FAIL"));
            }
        }
        out.append('\n');
        for (Outcome o : outcomes) {
            out.append("- **").append(o.name()).append("** (").append(o.fault()).append(")");
            if (!o.notes().isBlank()) {
                out.append(": ").append(o.notes());
            }
            out.append('\n');
            for (String f : o.failures()) {
                out.append("  - FAIL: ").append(f.replace("\n", "\n    ")).append('\n');
            }
        }
        return out.toString();
    }

    static void write(Path file, String markdown) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);
    }
}
