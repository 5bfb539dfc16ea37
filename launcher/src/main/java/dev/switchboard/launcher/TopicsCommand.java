/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.embedded.TopicAdmin;
import dev.switchboard.options.OptionSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard topics create}: creates every core topic; existing ones are left alone. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "Manage Switchboard's topics.",
        subcommands = TopicsCommand.Create.class)
public final class TopicsCommand {

    /** Creates the core topics (destination topics are created by {@code config apply}). */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create or verify every core topic.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        RoleProperties properties;

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

        @Override
        public Integer call() {
            try (TopicAdmin admin = new TopicAdmin(
                    kafka.bootstrapServers(), partitions, replication, OptionSet.kafkaCommon(properties.read()))) {
                List<String> created = admin.createCore();
                spec.commandLine().getOut().println(created.isEmpty() ? "all topics exist" : "created " + created);
                List<String> problems = admin.verifyCore();
                problems.forEach(p -> spec.commandLine().getErr().println("error: " + p));
                return problems.isEmpty() ? 0 : 1;
            }
        }
    }
}
