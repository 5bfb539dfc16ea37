/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.warehouse.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the dev-mode ITs select from the warehouse at a psql URL, as one text to compare. */
final class WarehouseRows {

    private WarehouseRows() {}

    /** The rows of {@code sql} at the psql URL, columns joined by a space and rows by a newline. */
    static String rows(String psqlUrl, String sql) {
        PostgresUrl url = PostgresUrl.parse(psqlUrl, null, null);
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : "\n");
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? " " : "").append(rs.getString(i));
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return "error: " + e.getMessage(); // e.g. the table is not created yet
        }
    }
}
