/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.delivery.recovery.DeadLetterQueue;
import dev.switchboard.delivery.recovery.Letter;
import dev.switchboard.delivery.recovery.LetterFilter;
import dev.switchboard.delivery.recovery.RedriveResult;
import dev.switchboard.launcher.cli.ClusterCommand;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard dlq list|show|redrive}: a destination's dead letters. */
@Command(
        name = "dlq",
        mixinStandardHelpOptions = true,
        description = {
            "A destination's dead letters (sb.dest.<id>.dlq): requests that will not be retried, each with",
            "every attempt and the reason. List them, show one whole, or redrive the chosen ones.",
            "",
            "Example, after an outage:",
            "  switchboard dlq list    --destination hooks --since -2h --status 5xx",
            "  switchboard dlq redrive --destination hooks --since -2h --status 5xx --dry-run",
            "  switchboard dlq redrive --destination hooks --since -2h --status 5xx"
        },
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Show.class, DlqCommand.Redrive.class})
public final class DlqCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    abstract static class LetterCommand extends ClusterCommand {

        @Mixin
        LetterOptions letters;

        DeadLetterQueue queue() {
            KnownDestinations.check(kafka.access(properties), letters.destination);
            return new DeadLetterQueue(kafka.access(properties), letters.destination);
        }
    }

    /** {@code dlq list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "List dead letters, oldest first: id (PARTITION:OFFSET), time, last status, messageIds, reason,",
                "and the redrive that put it back, if any.",
                "",
                "Example: switchboard dlq list --destination hooks --since -1d --reason retry_window_expired"
            })
    static final class ListLetters extends LetterCommand {
        @Override
        public Integer call() {
            LetterFilter filter = letters.filter();
            List<Letter> found = queue().list(filter);
            PrintWriter out = out();
            out.printf(
                    "%-10s %-24s %-8s %-30s %-12s %s%n",
                    "LETTER", "DEAD-LETTERED", "STATUS", "MESSAGE IDS", "REDRIVEN", "REASON");
            for (Letter l : found) {
                out.printf(
                        "%-10s %-24s %-8s %-30s %-12s %s%n",
                        l.id(),
                        TIME.format(l.deadLetteredAt()),
                        l.lastStatus(),
                        ids(l.letter().getRequest().getMessageIds()),
                        l.redriven() ? l.redrive().getRedriveId() : "-",
                        l.letter().getReason());
            }
            long redriven = found.stream().filter(Letter::redriven).count();
            out.printf("%d dead letters of %s, %d redriven%n", found.size(), letters.destination, redriven);
            return 0;
        }
    }

    /** {@code dlq show}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Show one dead letter whole, as JSON: the request (method, url, headers, body), every attempt",
                "with its status, response headers and body, the reason and any redrive.",
                "",
                "Example: switchboard dlq show --destination hooks 0:42",
                "         switchboard dlq show --destination hooks --message-id 4f1c-..."
            })
    static final class Show extends LetterCommand {
        @Parameters(
                arity = "0..1",
                paramLabel = "LETTER",
                description = "PARTITION:OFFSET as 'dlq list' prints; else the first letter the filters match.")
        String letterId;

        @Override
        public Integer call() throws Exception {
            LetterFilter filter = letters.filter();
            long[] at = letterId == null ? null : parse(letterId);
            DeadLetterQueue queue = queue();
            Letter letter = at == null
                    ? queue.list(filter).stream().findFirst().orElse(null)
                    : queue.find((int) at[0], at[1]).orElse(null);
            if (letter == null) {
                throw new BadArgument("no dead letter of " + letters.destination
                        + (letterId == null ? " matches the filters" : " at " + letterId));
            }
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out().println(json.writeValueAsString(describe(json, letter)));
            return 0;
        }

        private static long[] parse(String id) {
            try {
                return Letter.parseId(id);
            } catch (IllegalArgumentException e) {
                throw new BadArgument(e.getMessage());
            }
        }

        private static ObjectNode describe(ObjectMapper json, Letter l) {
            ObjectNode n = json.createObjectNode();
            n.put("letter", l.id());
            n.put("deadLetteredAt", TIME.format(l.deadLetteredAt()));
            n.put("reason", l.letter().getReason());
            if (l.redriven()) {
                n.putObject("redrive")
                        .put("redriveId", l.redrive().getRedriveId())
                        .put("redrivenAt", TIME.format(l.redrive().getRedrivenAt()));
            }
            DestinationRequest r = l.letter().getRequest();
            ObjectNode req = n.putObject("request");
            req.put("method", r.getMethod()).put("url", r.getUrl());
            r.getMessageIds().forEach(req.putArray("messageIds")::add);
            req.put("idempotencyKey", r.getIdempotencyKey());
            ObjectNode headers = req.putObject("headers");
            r.getHeaders().forEach(headers::put);
            req.put(
                    "body",
                    StandardCharsets.UTF_8.decode(r.getBody().duplicate()).toString());
            ArrayNode attempts = n.putArray("attempts");
            for (DeliveryAttempt a : l.letter().getAttempts()) {
                ObjectNode an = attempts.addObject();
                an.put("attempt", a.getAttempt()).put("attemptedAt", TIME.format(a.getAttemptedAt()));
                an.put("latencyMs", a.getLatencyMs());
                an.put("httpStatus", a.getHttpStatus());
                an.put("errorClass", a.getErrorClass()).put("error", a.getError());
                ObjectNode rh = an.putObject("responseHeaders");
                a.getResponseHeaders().forEach(rh::put);
                an.put("responseBody", a.getResponseBody());
            }
            return n;
        }
    }

    /** {@code dlq redrive}. */
    @Command(
            name = "redrive",
            mixinStandardHelpOptions = true,
            description = {
                "Put the chosen dead letters' requests back on sb.dest.<id> for a fresh round of attempts (a new",
                "retry window). Each letter is recorded on sb.redrives with the redrive id, in the same Kafka",
                "transaction as its request: a letter is put back once, and running the same command again",
                "(after Ctrl-C or a crash) goes on with the rest. --force puts back letters redriven before.",
                "With no filter, every letter of the destination is chosen: try --dry-run first.",
                "",
                "Example: switchboard dlq redrive --destination hooks --since -2h --status 5xx --dry-run"
            })
    static final class Redrive extends LetterCommand {
        @Option(names = "--dry-run", description = "Print what would be redriven; write nothing.")
        boolean dryRun;

        @Option(names = "--force", description = "Also put back letters an earlier redrive put back.")
        boolean force;

        @Option(
                names = "--redrive-id",
                paramLabel = "ID",
                description = "The id recorded with every letter put back (default: rd-<time>-<random>).")
        String redriveId;

        @Override
        public Integer call() {
            LetterFilter filter = letters.filter();
            DeadLetterQueue queue = queue();
            List<Letter> chosen = queue.list(filter);
            String id = redriveId != null ? redriveId : newRedriveId();
            try (Interruption stop = Interruption.onCtrlC()) {
                Progress progress = new Progress(spec.commandLine().getErr(), "redriven", stop);
                RedriveResult result = queue.redrive(chosen, id, force, dryRun, progress);
                PrintWriter out = out();
                if (dryRun) {
                    result.wouldRedrive()
                            .forEach(l -> out.printf(
                                    "would redrive %s %s%n",
                                    l.id(), ids(l.letter().getRequest().getMessageIds())));
                    out.printf(
                            "dry run: %d of %d chosen letters would be redriven to sb.dest.%s, %d skipped (redriven"
                                    + " before; --force to include them); nothing written%n",
                            result.wouldRedrive().size(),
                            chosen.size(),
                            letters.destination,
                            result.skipped().size());
                    return 0;
                }
                out.printf(
                        "redrive %s: %d letters put back on sb.dest.%s, %d skipped (redriven before%s)%n",
                        id,
                        result.redriven().size(),
                        letters.destination,
                        result.skipped().size(),
                        force ? "" : "; --force to include them");
                if (result.stopped()) {
                    out.printf(
                            "stopped after %d of %d; what was put back stays recorded. Resume with:%n  %s%n",
                            result.redriven().size(),
                            chosen.size() - result.skipped().size(),
                            resumeCommand(id));
                    return 130;
                }
                return 0;
            }
        }

        /** The command as it was typed, with the redrive id it used: it skips what was put back. */
        private String resumeCommand(String id) {
            StringBuilder cmd = new StringBuilder("switchboard");
            for (String arg : spec.commandLine().getParseResult().originalArgs()) {
                cmd.append(' ')
                        .append(arg.matches("[A-Za-z0-9_.:/=,@+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
            }
            if (redriveId == null) {
                cmd.append(" --redrive-id ").append(id);
            }
            return cmd.toString();
        }

        private static String newRedriveId() {
            return "rd-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                            .withZone(ZoneOffset.UTC)
                            .format(Instant.now()) + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        }
    }

    private static String ids(List<String> ids) {
        String all = String.join(",", ids);
        return all.length() <= 30 ? all : all.substring(0, 27) + "...";
    }
}
