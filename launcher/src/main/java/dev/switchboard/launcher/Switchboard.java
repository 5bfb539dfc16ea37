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
import picocli.CommandLine.Model.CommandSpec;

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
        System.exit(commandLine(args.length == 0 ? "" : args[0]).execute(args));
    }

    /** The command line, configured as {@code main} runs it (tests execute it the same way). */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new Switchboard()));
    }

    /**
     * The command line for a run whose first argument is {@code first}: when it names a subcommand, a root
     * holding that subcommand alone, so that a process builds one command's model and not all of them
     * (picocli reflects over every option of every command it is given: about 0.3 s of CPU at each start);
     * otherwise ({@code --help}, {@code help}, a typo) the whole command line.
     */
    static CommandLine commandLine(String first) {
        for (Class<?> sub : Switchboard.class.getAnnotation(Command.class).subcommands()) {
            Command command = sub.getAnnotation(Command.class);
            if (sub != CommandLine.HelpCommand.class && command.name().equals(first)) {
                CommandLine root = new CommandLine(CommandSpec.create().name("switchboard"));
                root.addSubcommand(new CommandLine(sub));
                return configured(root);
            }
        }
        return commandLine();
    }

    private static CommandLine configured(CommandLine cli) {
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
