/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.delivery.recovery.FlowStatus;
import dev.switchboard.delivery.recovery.FlowStatus.DestinationRow;
import dev.switchboard.delivery.recovery.FlowStatus.Report;
import dev.switchboard.delivery.recovery.FlowStatus.SourceRow;
import dev.switchboard.launcher.cli.ClusterCommand;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard status [--watch]}: the state of every source and destination. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "The state of every flow, read from the topics and consumer groups (no role needs to answer):",
            "per source, events received and rejected in the last minute; per destination, requests delivered",
            "in the last minute, waiting to be retried, dead-lettered (all / last minute), consumer lag,",
            "paused or not, and the last error of the last 10 minutes.",
            "",
            "Example: switchboard status --watch --interval 5"
        })
public final class StatusCommand extends ClusterCommand {

    @Option(names = "--watch", description = "Refresh until Ctrl-C (in place on a terminal).")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Seconds between refreshes with --watch (default: ${DEFAULT-VALUE}).")
    int interval;

    @Override
    public Integer call() throws InterruptedException {
        if (interval < 1) {
            throw new BadArgument("--interval must be at least 1 second, not " + interval);
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null;
        try (Interruption stop = Interruption.onCtrlC()) {
            do {
                Report report = FlowStatus.read(
                        kafka.access(properties),
                        KnownDestinations.sources(kafka.access(properties)),
                        KnownDestinations.of(kafka.access(properties)));
                if (watch && terminal) {
                    out.print("\033[H\033[2J"); // home, clear: refresh in place
                }
                print(out, report);
                out.flush();
                for (int i = 0; watch && i < interval * 10 && !stop.getAsBoolean(); i++) {
                    Thread.sleep(100);
                }
            } while (watch && !stop.getAsBoolean());
        }
        return 0;
    }

    static void print(PrintWriter out, Report r) {
        out.printf("status at %s%n%n", DateTimeFormatter.ISO_INSTANT.format(r.at().truncatedTo(ChronoUnit.SECONDS)));
        out.printf("%-20s %14s %14s%n", "SOURCE", "RECEIVED/MIN", "REJECTED/MIN");
        for (SourceRow s : r.sources()) {
            out.printf("%-20s %14d %14d%n", s.sourceId(), s.receivedPerMin(), s.rejectedPerMin());
        }
        out.println();
        out.printf(
                "%-20s %13s %9s %14s %8s %-8s %s%n",
                "DESTINATION", "DELIVERED/MIN", "RETRYING", "DEAD (ALL/MIN)", "LAG", "STATE", "LAST ERROR");
        for (DestinationRow d : r.destinations()) {
            String state = d.pause().paused() ? "paused" : "running";
            String error = d.lastError() == null
                    ? "-"
                    : DateTimeFormatter.ISO_INSTANT.format(d.lastErrorAt().truncatedTo(ChronoUnit.SECONDS)) + " "
                            + d.lastError();
            out.printf(
                    "%-20s %13d %9d %14s %8d %-8s %s%n",
                    d.destinationId(),
                    d.deliveredPerMin(),
                    d.retrying(),
                    d.deadLettered() + "/" + d.deadLetteredPerMin(),
                    d.lag(),
                    state,
                    error);
            if (d.pause().paused() && d.pause().reason() != null) {
                out.printf(
                        "%-20s paused since %s: %s%n",
                        "", d.pause().pausedSince(), d.pause().reason());
            }
        }
    }
}
