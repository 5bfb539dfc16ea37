/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.launcher.cli.ClusterCommand;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.router.replay.ArchiveReplay;
import dev.switchboard.router.replay.ReplayResult;
import dev.switchboard.router.replay.ReplaySpec;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.Route;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard replay}: a window of the archive, re-sent to chosen destinations. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Re-send the archived events (sb.events) of one source received in [FROM, TO) to the chosen",
            "destinations, through the router's own fan-out, filters and mapping as they are now. The",
            "events' integrations become {All: false, D: true} for each chosen D, so no other destination",
            "gets them. Every request is tagged with the replay id (header sb-replay-id, outcome field).",
            "Requests and progress (sb.replays) are written in one Kafka transaction per chunk: running the",
            "same command again (after Ctrl-C or a crash) resumes, and sends nothing twice. The default",
            "replay id is derived from the arguments as typed; the first run fixes the window. Events the",
            "current mapping refuses are written to sb.rejected and counted. Ctrl-C commits the open chunk",
            "and prints the command that resumes. Exit code: 0 done, 130 stopped, 2 bad arguments.",
            "The archive's retention (switchboard topics describe) is how far back a replay can reach.",
            "Runbook: docs/operations.md.",
            "",
            "Example, after a bad mapping was fixed:",
            "  switchboard replay --source web --from 2026-12-03T08:00:00Z --to 2026-12-03T09:30:00Z \\",
            "      --destination hooks --dry-run",
            "  switchboard replay --source web --from 2026-12-03T08:00:00Z --to 2026-12-03T09:30:00Z \\",
            "      --destination hooks --rate 200/s"
        })
public final class ReplayCommand extends ClusterCommand {

    private static final Set<String> TYPES = Set.of("identify", "track", "page", "screen", "group", "alias");

    @Option(names = "--source", required = true, paramLabel = "S", description = "The source whose events to replay.")
    String source;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "T1",
            description = "Window start (inclusive): ISO-8601, a date, now, or -2h / -30m / -1d.")
    String fromText;

    @Option(names = "--to", required = true, paramLabel = "T2", description = "Window end (exclusive), as --from.")
    String toText;

    @Option(
            names = "--destination",
            paramLabel = "D",
            split = ",",
            description = "A destination to replay to (repeatable); default: every one the source is connected to.")
    List<String> destinations = new ArrayList<>();

    @Option(names = "--event", paramLabel = "GLOB", description = "Only events whose name matches (* and ?).")
    String event;

    @Option(names = "--type", paramLabel = "T", description = "Only calls of this type (track, identify, ...).")
    String type;

    @Option(names = "--dry-run", description = "Print per destination and event how many would be sent; send nothing.")
    boolean dryRun;

    @Option(names = "--rate", paramLabel = "N/s", description = "At most N events per second (e.g. 200/s).")
    String rate;

    @Option(
            names = "--replay-id",
            paramLabel = "ID",
            description = "Name the replay (default: rp-<hash of the arguments>).")
    String replayId;

    @Override
    public Integer call() {
        Instant now = Instant.now();
        Instant from = time(fromText, now);
        Instant to = time(toText, now);
        if (!to.isAfter(from)) {
            throw new BadArgument("--to " + toText + " is not after --from " + fromText);
        }
        if (type != null && !TYPES.contains(type)) {
            throw new BadArgument(
                    "unknown --type '" + type + "' (one of " + String.join(", ", new TreeSet<>(TYPES)) + ")");
        }
        double perSecond = rate(rate);
        if (replayId != null && !replayId.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new BadArgument("--replay-id '" + replayId + "': use 1 to 100 of A-Z a-z 0-9 . _ -");
        }
        KafkaAccess access = kafka.access(properties);
        CompiledWorkspace workspace = KnownDestinations.workspaceOf(access, source);
        Set<String> connected = new TreeSet<>();
        for (Route r : workspace.routes(source)) {
            connected.add(r.destination().id());
        }
        List<String> chosen = destinations.isEmpty() ? List.copyOf(connected) : destinations;
        for (String d : chosen) {
            if (!connected.contains(d)) {
                KnownDestinations.check(access, d);
                throw new BadArgument("destination '" + d + "' is not connected to source '" + source + "' (connected: "
                        + String.join(", ", connected) + ")");
            }
        }
        if (chosen.isEmpty()) {
            throw new BadArgument("source '" + source + "' is connected to no enabled destination");
        }
        checkRetention(access, from, now);
        String id = replayId != null ? replayId : defaultId(chosen);
        ReplaySpec replay = ReplaySpec.of(id, source, chosen, from, to, event, type);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("replay %s: source %s to %s%n", id, source, String.join(", ", replay.destinationIds()));
        out.flush();
        try (Interruption stop = Interruption.onCtrlC()) {
            Progress progress = new Progress(spec.commandLine().getErr(), "events", stop);
            ReplayResult result;
            try {
                result = new ArchiveReplay(access, workspace)
                        .run(replay, dryRun, perSecond, new ArchiveReplay.Progress() {
                            @Override
                            public void advanced(long done, long total) {
                                progress.advanced(done, total);
                            }

                            @Override
                            public boolean stopRequested() {
                                return progress.stopRequested();
                            }
                        });
            } catch (IllegalArgumentException e) {
                throw new BadArgument(e.getMessage());
            }
            print(out, result, id);
            return result.stopped() ? 130 : 0;
        }
    }

    private void print(PrintWriter out, ReplayResult r, String id) {
        if (r.resumed()) {
            out.printf(
                    "resumed: window [%s, %s) as fixed by its first run; %d events sent before%n",
                    r.from(), r.to(), r.sentBefore());
        }
        out.printf("%-20s %-30s %s%n", "DESTINATION", "EVENT", dryRun ? "WOULD SEND" : "SENT");
        r.sent().forEach((d, byName) -> byName.forEach((name, n) -> out.printf("%-20s %-30s %d%n", d, name, n)));
        r.rejected()
                .forEach((d, n) -> out.printf(
                        "%s: %d events refused by its mapper (not sent%s), first: %s%n",
                        d,
                        n,
                        dryRun ? "" : "; written to sb.rejected",
                        r.firstRejection().get(d)));
        if (r.unreadable() > 0) {
            out.printf("%d archived records could not be read and were skipped%n", r.unreadable());
        }
        out.printf(
                "%s %d events%s (replay %s)%n",
                dryRun ? "dry run: would send" : "sent", r.sentCount(), dryRun ? "; nothing written" : "", id);
        if (r.stopped()) {
            out.printf(
                    "stopped after %d of %d archive offsets; what was sent stays recorded. Resume with:%n  %s%n",
                    r.done(), r.total(), resumeCommand(id));
        } else if (!dryRun && r.resumed() && r.total() == 0) {
            out.printf(
                    "replay %s had already gone through its window: nothing sent again (another --replay-id starts a new one)%n",
                    id);
        }
    }

    private void checkRetention(KafkaAccess access, Instant from, Instant now) {
        Duration retention;
        try (TopicAdmin admin = new TopicAdmin(access.bootstrapServers(), 1, (short) 1, access.settings())) {
            retention = admin.currentArchiveRetention();
        }
        if (retention != null && from.isBefore(now.minus(retention))) {
            throw new BadArgument("--from " + fromText + " is older than the archive's retention (" + retention
                    + "): those events may be gone; the replay horizon is " + now.minus(retention));
        }
    }

    private static Instant time(String text, Instant now) {
        try {
            return Times.parse(text, now);
        } catch (IllegalArgumentException e) {
            throw new BadArgument(e.getMessage());
        }
    }

    private static double rate(String text) {
        if (text == null) {
            return 0;
        }
        String n = text.endsWith("/s") ? text.substring(0, text.length() - 2) : text;
        try {
            double v = Double.parseDouble(n);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadArgument("--rate '" + text + "': give events per second, e.g. 200/s");
    }

    /** A replay id from the arguments as typed, so the same command resumes the same replay. */
    private String defaultId(List<String> chosen) {
        String args = String.join(
                "\n",
                source,
                fromText,
                toText,
                String.join(",", new TreeSet<>(chosen)),
                String.valueOf(event),
                String.valueOf(type));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(args.getBytes(StandardCharsets.UTF_8));
            return "rp-" + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String resumeCommand(String id) {
        StringBuilder cmd = new StringBuilder("switchboard");
        for (String arg : spec.commandLine().getParseResult().originalArgs()) {
            cmd.append(' ').append(arg.matches("[A-Za-z0-9_.:/=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        if (replayId == null) {
            cmd.append(" --replay-id ").append(id);
        }
        return cmd.toString();
    }
}
