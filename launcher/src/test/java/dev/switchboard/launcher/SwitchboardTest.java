/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SwitchboardTest {

    @Test
    void shouldBuildTheNamedSubcommandAloneUnderTheRoot() {
        CommandLine cli = Switchboard.commandLine("delivery");

        assertThat(cli.getSubcommands()).containsOnlyKeys("delivery");
        assertThat(cli.getSubcommands().get("delivery").getCommandSpec().qualifiedName())
                .isEqualTo("switchboard delivery");
    }

    @Test
    void shouldBuildEverythingForHelpAndForAnUnknownFirstArgument() {
        assertThat(Switchboard.commandLine("help").getSubcommands()).containsKeys("dev", "delivery", "router");
        assertThat(Switchboard.commandLine("--version").getSubcommands()).containsKeys("dev", "delivery", "router");
        assertThat(Switchboard.commandLine("").getSubcommands())
                .hasSameSizeAs(Switchboard.commandLine().getSubcommands());
    }

    @Test
    void shouldAnswerABadOptionOfTheSubcommandAsTheWholeCommandLineDoes() {
        StringWriter alone = new StringWriter();
        StringWriter whole = new StringWriter();

        int aloneExit = errTo(Switchboard.commandLine("delivery"), alone).execute("delivery", "--no-such-option");
        int wholeExit = errTo(Switchboard.commandLine(), whole).execute("delivery", "--no-such-option");

        assertThat(aloneExit).isEqualTo(wholeExit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(alone.toString()).isEqualTo(whole.toString()).contains("see 'switchboard delivery --help'");
    }

    private static CommandLine errTo(CommandLine cli, StringWriter err) {
        cli.setErr(new PrintWriter(err, true));
        return cli;
    }
}
