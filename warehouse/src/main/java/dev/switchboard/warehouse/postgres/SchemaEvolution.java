/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import dev.switchboard.warehouse.schema.ColumnType;
import dev.switchboard.warehouse.schema.Columns;
import dev.switchboard.warehouse.schema.FlatRow;
import dev.switchboard.warehouse.schema.SchemaPlanner;
import dev.switchboard.warehouse.schema.TableKind;
import dev.switchboard.warehouse.schema.TableName;
import dev.switchboard.warehouse.schema.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Creates tables and adds columns while loading goes on. The DDL of one schema runs under a
 * transaction-scoped advisory lock on that schema, so concurrent loaders (other partitions, other
 * replicas) never race: the second one waits, then reads the columns the first one added and uses
 * their types (the first value seen, cluster-wide, fixes a column's type).
 */
final class SchemaEvolution {

    private final SchemaPlanner planner;

    SchemaEvolution(SchemaPlanner planner) {
        this.planner = planner;
    }

    SchemaPlanner planner() {
        return planner;
    }

    /** The table's columns after creating it if needed and adding what {@code rows} need; commits. */
    TableSchema evolve(Connection c, TableName table, TableKind kind, List<FlatRow> rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(hashtextextended("
                    + literal("switchboard.warehouse:" + table.schema()) + ", 0))");
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(table.schema()));
            s.execute(createTable(table, kind));
            TableSchema actual = read(c, table);
            Map<String, ColumnType> added = planner.newColumns(actual, kind, rows);
            for (Map.Entry<String, ColumnType> col : added.entrySet()) {
                s.execute("ALTER TABLE " + Sql.table(table) + " ADD COLUMN IF NOT EXISTS " + Sql.quote(col.getKey())
                        + " " + Sql.type(col.getValue()));
            }
            c.commit();
            return actual.with(added);
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private static String createTable(TableName table, TableKind kind) {
        StringJoiner cols = new StringJoiner(", ");
        kind.standardColumns().forEach((name, type) -> {
            String col = Sql.quote(name) + " " + Sql.type(type);
            if (name.equals(Columns.ID)) {
                col += " PRIMARY KEY"; // the load is idempotent on id: a replayed event adds nothing
            } else if (name.equals(Columns.UUID_TS)) {
                col += " DEFAULT now()"; // load time: the load transaction's
            }
            cols.add(col);
        });
        return "CREATE TABLE IF NOT EXISTS " + Sql.table(table) + " (" + cols + ")";
    }

    /** The table's columns as the catalog has them, in column order. */
    static TableSchema read(Connection c, TableName table) throws SQLException {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, t.typname FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, Sql.table(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1), Sql.fromCatalog(rs.getString(2)));
                }
            }
        }
        return new TableSchema(table, columns);
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
