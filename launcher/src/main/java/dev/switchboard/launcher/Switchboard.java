/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.launcher.config.ConfigCommand;
import dev.switchboard.launcher.dev.DevCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code switchboard} command. */
@Command(
        name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Switchboard: a customer-data router that speaks Segment's tracking protocol, on Kafka.",
        subcommands = {
            DevCommand.class,
            RoleCommands.TrackingApi.class,
            RoleCommands.Router.class,
            RoleCommands.Delivery.class,
            ConfigCommand.class,
            TopicsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Switchboard {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, configured as {@code main} runs it (tests execute it the same way). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Switchboard());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + e.getMessage()));
            return 1;
        });
        return cli;
    }
}
