/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.launcher.config.ConfigCommand;
import dev.switchboard.launcher.dev.DevCommand;
import dev.switchboard.launcher.recovery.BadArgument;
import dev.switchboard.launcher.recovery.DestinationCommand;
import dev.switchboard.launcher.recovery.DlqCommand;
import dev.switchboard.launcher.recovery.FieldsCommand;
import dev.switchboard.launcher.recovery.ReplayCommand;
import dev.switchboard.launcher.recovery.StatusCommand;
import dev.switchboard.launcher.recovery.SuppressCommand;
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
            RoleCommands.Warehouse.class,
            RoleCommands.Console.class,
            ConfigCommand.class,
            TopicsCommand.class,
            DlqCommand.class,
            DestinationCommand.class,
            SuppressCommand.class,
            FieldsCommand.class,
            StatusCommand.class,
            ReplayCommand.class,
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
            // A bad argument changed nothing and is the caller's to fix (2, as for a parse error).
            return e instanceof BadArgument ? CommandLine.ExitCode.USAGE : 1;
        });
        // A wrong or missing argument: one line that names it and where to read more, exit code 2.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr()
                    .println(c.getColorScheme()
                            .errorText("error: " + e.getMessage() + " (see '"
                                    + c.getCommandSpec().qualifiedName() + " --help')"));
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }
}
