/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.launcher.cli.ClusterCommand;
import dev.switchboard.launcher.cli.KafkaOptions;
import dev.switchboard.launcher.cli.RoleProperties;
import dev.switchboard.launcher.recovery.BadArgument;
import dev.switchboard.options.Option.Builder;
import dev.switchboard.options.OptionSet;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard topics create}: creates every core topic; existing ones are left alone.
 * {@code switchboard topics describe}: every Switchboard topic as it is.
 */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "Manage Switchboard's topics.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
public final class TopicsCommand {

    /** Creates the core topics (destination topics are created by {@code config apply}). */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create or verify every core topic.")
    static final class Create extends ClusterCommand {

        @Option(
                names = "--partitions",
                defaultValue = "6",
                description = "Partitions of per-user topics (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(
                names = "--replication-factor",
                defaultValue = "1",
                description = "Replication factor (default: ${DEFAULT-VALUE}).")
        short replication;

        @Option(
                names = "--archive-retention",
                paramLabel = "DURATION",
                description = {
                    "Retention of sb.events, the archive: how far back 'replay' can reach (e.g. 7d, 30d, 720h);",
                    "also set on an existing sb.events. Default: the broker's log.retention."
                })
        String archiveRetention;

        @Override
        public Integer call() {
            Duration retention = null;
            if (archiveRetention != null) {
                try {
                    retention = Builder.parseDuration(archiveRetention);
                } catch (RuntimeException e) {
                    throw new BadArgument("--archive-retention " + archiveRetention + ": " + e.getMessage());
                }
            }
            try (TopicAdmin admin = new TopicAdmin(
                    kafka.bootstrapServers(), partitions, replication, OptionSet.kafkaCommon(properties.read()))) {
                admin.archiveRetention(retention);
                List<String> created = admin.createCore();
                if (retention != null && !created.contains(Topics.EVENTS.name())) {
                    admin.alterArchiveRetention(retention);
                    spec.commandLine()
                            .getOut()
                            .println("set retention of " + Topics.EVENTS.name() + " to " + retention);
                }
                spec.commandLine().getOut().println(created.isEmpty() ? "all topics exist" : "created " + created);
                List<String> problems = admin.verifyCore();
                problems.forEach(p -> spec.commandLine().getErr().println("error: " + p));
                return problems.isEmpty() ? 0 : 1;
            }
        }
    }

    /** Prints every Switchboard topic with its settings, size and end offsets. */
    @Command(
            name = "describe",
            mixinStandardHelpOptions = true,
            description = {
                "Every Switchboard topic (sb.*, and the router's internal topics): partitions, replication,",
                "retention, cleanup policy, size on disk and end offsets (their sum: records ever written).",
                "",
                "Example: switchboard topics describe --kafka kafka:9092"
            })
    static final class Describe implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        RoleProperties properties;

        @Override
        public Integer call() {
            try (TopicAdmin admin =
                    new TopicAdmin(kafka.bootstrapServers(), 1, (short) 1, OptionSet.kafkaCommon(properties.read()))) {
                PrintWriter out = spec.commandLine().getOut();
                String row = "%-44s %10s %11s %10s %-14s %10s %12s%n";
                out.printf(row, "TOPIC", "PARTITIONS", "REPLICATION", "RETENTION", "CLEANUP", "SIZE", "END OFFSETS");
                for (TopicAdmin.TopicInfo t : admin.describe()) {
                    out.printf(
                            row,
                            t.name(),
                            t.partitions(),
                            t.replication(),
                            t.retentionMs() < 0
                                    ? "forever"
                                    : Duration.ofMillis(t.retentionMs())
                                            .toString()
                                            .substring(2)
                                            .toLowerCase(Locale.ROOT),
                            t.cleanupPolicy(),
                            bytes(t.sizeBytes()),
                            t.endOffsets().stream().mapToLong(Long::longValue).sum());
                }
                return 0;
            }
        }

        private static String bytes(long b) {
            if (b < 1024) {
                return b + " B";
            }
            if (b < 1024 * 1024) {
                return String.format(Locale.ROOT, "%.1f KB", b / 1024.0);
            }
            return String.format(Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
        }
    }
}
