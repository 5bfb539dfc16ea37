/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.launcher.Switchboard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** A {@code switchboard.*} key that is no role's option stops every role and command before it connects. */
class RoleOptionsTest {

    @Test
    void shouldRefuseAKeyUnderNoRolesPrefixNamingTheClosestOption() {
        assertThatThrownBy(() -> RoleOptions.check(Map.of("switchboard.routr.threads", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option 'switchboard.routr.threads'")
                .hasMessageContaining("did you mean 'switchboard.router.threads'?");
        assertThatThrownBy(() -> RoleOptions.check(Map.of("switchboard.threads", "2")))
                .hasMessageContaining("unknown option 'switchboard.threads'");
    }

    @Test
    void shouldAcceptAnyRolesOptionAndKafkaSettingsWhenOneFileServesEveryRole() {
        assertThatCode(() -> RoleOptions.check(Map.of(
                        "switchboard.router.threads", "2",
                        "switchboard.delivery.max-in-flight", "8",
                        "switchboard.console.port", "9000",
                        "kafka.security.protocol", "SASL_SSL")))
                .doesNotThrowAnyException();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldStopARoleAtStartWhenAKeyIsUnderNoRolesPrefix() {
        // When the router is given a key under a misspelt prefix (no broker listens on port 1)
        StringWriter err = new StringWriter();
        CommandLine cli = Switchboard.commandLine();
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute("router", "--kafka", "127.0.0.1:1", "--set", "switchboard.routr.threads=2");

        // Then it does not start and says which key it meant
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("unknown option 'switchboard.routr.threads'", "switchboard.router.threads");
    }
}
