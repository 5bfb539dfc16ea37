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

/** {@code switchboard warehouse} refuses bad options before it connects to anything. */
class WarehouseRoleTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Switchboard.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void shouldFailStartUpNamingTheClosestKeyWhenAWarehouseOptionIsUnknown() {
        // When a switchboard.warehouse.* key is misspelt (no broker listens on port 1)
        int exit = run("warehouse", "--kafka", "127.0.0.1:1", "--set", "switchboard.warehouse.batch.rowz=5");

        // Then start-up fails and names the key it meant
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("unknown option 'switchboard.warehouse.batch.rowz'")
                .contains("switchboard.warehouse.batch.rows");
    }

    @Test
    void shouldFailStartUpWhenTheWarehouseUrlIsNotPostgres() {
        // When the URL is of another database
        int exit = run("warehouse", "--kafka", "127.0.0.1:1", "--warehouse-url", "mysql://db:3306/events");

        // Then start-up fails and says which URLs it takes
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("not a PostgreSQL URL").contains("postgresql://");
    }
}
