/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.config;

import dev.switchboard.launcher.cli.KafkaOptions;
import dev.switchboard.launcher.cli.RoleProperties;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.options.OptionSet;
import dev.switchboard.workspace.WorkspaceFile;
import dev.switchboard.workspace.config.ConfigException;
import dev.switchboard.workspace.config.ParsedWorkspace;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard config validate|apply -f workspace.yaml}. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Check a workspace file, or publish it to the config topic (no restart needed).",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Apply.class})
public final class ConfigCommand {

    /** Reads and checks {@code -f FILE}; prints every problem with its line; exit code 2 when invalid. */
    abstract static class WorkspaceCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = {"-f", "--file"},
                required = true,
                paramLabel = "FILE",
                description = "The workspace YAML.")
        Path file;

        /** What to do with a valid workspace; returns the exit code. */
        abstract int run(WorkspaceConfig workspace, PrintWriter out);

        @Override
        public Integer call() {
            ParsedWorkspace parsed;
            try {
                parsed = WorkspaceFile.load(file, System::getenv, MapperRegistry.load());
            } catch (ConfigException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("invalid workspace:");
                e.problems().forEach(p -> err.println("  " + p));
                return 2;
            }
            return run(parsed.config(), spec.commandLine().getOut());
        }
    }

    /** {@code config validate}: checks only; needs no Kafka. */
    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a workspace file.")
    static final class Validate extends WorkspaceCommand {
        @Override
        int run(WorkspaceConfig w, PrintWriter out) {
            out.printf(
                    "%s: workspace '%s' is valid (%d sources, %d destinations, %d connections)%n",
                    file,
                    w.workspace(),
                    w.sources().size(),
                    w.destinations().size(),
                    w.connections().size());
            return 0;
        }
    }

    /** {@code config apply}: checks, creates destination topics, publishes. */
    @Command(name = "apply", mixinStandardHelpOptions = true, description = "Check and publish a workspace file.")
    static final class Apply extends WorkspaceCommand {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        RoleProperties properties;

        @Option(
                names = "--partitions",
                defaultValue = "6",
                description = "Partitions of new destination topics (default: ${DEFAULT-VALUE}).")
        int partitions;

        @Option(
                names = "--replication-factor",
                defaultValue = "1",
                description = "Replication of new topics (default: ${DEFAULT-VALUE}).")
        short replication;

        @Override
        int run(WorkspaceConfig w, PrintWriter out) {
            List<String> created;
            try {
                created = ConfigPublisher.publish(
                        kafka.bootstrapServers(), OptionSet.kafkaCommon(properties.read()), w, partitions, replication);
            } catch (ConfigException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("cannot apply workspace '" + w.workspace() + "':");
                e.problems().forEach(p -> err.println("  " + p));
                return 2;
            }
            out.printf(
                    "applied workspace '%s' to %s%s%n",
                    w.workspace(), kafka.bootstrapServers(), created.isEmpty() ? "" : "; created topics " + created);
            return 0;
        }
    }
}
