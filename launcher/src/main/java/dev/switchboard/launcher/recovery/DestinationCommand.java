/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.delivery.recovery.DestinationControls;
import dev.switchboard.delivery.recovery.PauseClock;
import dev.switchboard.launcher.cli.ClusterCommand;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard destination pause|resume ID}: hold and release delivery to one destination. */
@Command(
        name = "destination",
        mixinStandardHelpOptions = true,
        description = {
            "Hold or release delivery to one destination. The state is on the compacted sb.control, which every",
            "delivery instance follows: it takes effect within seconds and holds across restarts.",
            "",
            "Example: switchboard destination pause hooks --reason 'vendor outage, ticket 4711'",
            "         switchboard destination resume hooks"
        },
        subcommands = {DestinationCommand.Pause.class, DestinationCommand.Resume.class})
public final class DestinationCommand {

    abstract static class Change extends ClusterCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The destination id.")
        String destination;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why; shown in logs and 'status'.")
        String reason;

        abstract PauseClock change(DestinationControls controls, Instant now);

        abstract String done(PauseClock before, Instant now);

        @Override
        public Integer call() {
            KnownDestinations.check(kafka.access(properties), destination);
            try (DestinationControls controls = new DestinationControls(kafka.access(properties))) {
                Instant now = Instant.now();
                spec.commandLine().getOut().println(done(change(controls, now), now));
            }
            return 0;
        }
    }

    /** {@code destination pause}. */
    @Command(
            name = "pause",
            mixinStandardHelpOptions = true,
            description = {
                "Stop delivery to a destination: its workers take no new records (they wait in Kafka), finish",
                "the calls in flight, and neither retry nor dead-letter anything while paused; the retry window",
                "does not run. Resume continues where it stopped.",
                "",
                "Example: switchboard destination pause hooks --reason 'vendor outage'"
            })
    static final class Pause extends Change {
        @Override
        PauseClock change(DestinationControls controls, Instant now) {
            return controls.pause(destination, reason, now);
        }

        @Override
        String done(PauseClock before, Instant now) {
            if (before.paused()) {
                return destination + " was already paused since " + before.pausedSince()
                        + (before.reason() == null ? "" : " (" + before.reason() + ")") + "; nothing changed";
            }
            return "paused delivery to " + destination + (reason == null ? "" : " (" + reason + ")")
                    + "; every delivery instance holds it within seconds";
        }
    }

    /** {@code destination resume}. */
    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = {
                "Resume delivery to a paused destination, from where it stopped.",
                "",
                "Example: switchboard destination resume hooks --reason 'vendor back'"
            })
    static final class Resume extends Change {
        @Override
        PauseClock change(DestinationControls controls, Instant now) {
            return controls.resume(destination, reason, now);
        }

        @Override
        String done(PauseClock before, Instant now) {
            if (!before.paused()) {
                return destination + " was not paused; nothing changed";
            }
            Duration held = before.pausedSince() == null ? Duration.ZERO : Duration.between(before.pausedSince(), now);
            return "resumed delivery to " + destination + " after " + held.toSeconds() + " s paused";
        }
    }
}
