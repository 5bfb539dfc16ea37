/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import dev.switchboard.warehouse.schema.ColumnCheck;
import dev.switchboard.warehouse.schema.Columns;
import dev.switchboard.warehouse.schema.RowEncoder;
import dev.switchboard.warehouse.schema.RowEncoder.EncodedRow;
import dev.switchboard.warehouse.schema.TableKind;
import dev.switchboard.warehouse.schema.TableName;
import dev.switchboard.warehouse.schema.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes one table's rows inside the load transaction: COPY straight into an event table while its
 * batches meet no id it holds (the common case), else COPY into a temporary staging table, then
 * one statement into the table that adds only the ids it does not have ({@code ON CONFLICT (id) DO
 * NOTHING}), or for {@code users} merges each user's row into the existing one: a newer row's
 * non-null traits win, an older row (a replay) only fills what is still null.
 */
final class StagedCopy {

    private static final String UNIQUE_VIOLATION = "23505";

    /** Tables whose last batch met an id they held: written the staged way until a batch does not. */
    private final Set<TableName> staging = new HashSet<>();

    private int staged;

    /**
     * Writes the rows of {@code check} into their table; does not commit. The COPY lists the
     * columns {@link ColumnCheck#used}: event tables are encoded row by row into the COPY stream as
     * it is sent; {@code users} rows are encoded first, for the columns they fill. An event table
     * whose last batch had no id the table already held is written by one COPY straight into it;
     * when that meets an id the table holds (a replay, a redelivery), the transaction is aborted
     * ({@link #conflicted}). {@code text}, when not null, is the event table's rows already encoded
     * ({@link #text} of {@code check}), sent as it is.
     */
    void write(Connection c, TableKind kind, int rows, ColumnCheck check, RowEncoder encoder, byte[] text)
            throws SQLException {
        TableSchema schema = check.schema();
        Iterable<EncodedRow> encoded = check.encoded(encoder);
        int[] used = check.used();
        if (kind == TableKind.USERS) {
            // the merge keeps what a NULL in a listed column would not: only the columns filled are listed
            List<EncodedRow> all = new ArrayList<>(rows);
            encoded.forEach(all::add);
            used = columnsUsed(schema, all);
            encoded = all;
        }
        List<String> columns = new ArrayList<>(used.length);
        for (int at : used) {
            columns.add(schema.column(at));
        }
        String list = String.join(", ", columns.stream().map(Sql::quote).toList());
        int unmapped = schema.position(Columns.UNMAPPED);
        if (kind != TableKind.USERS && !staging.contains(schema.name())) {
            copy(c, "COPY " + Sql.table(schema.name()) + " (" + list + ") FROM STDIN", used, unmapped, encoded, text);
            return;
        }
        if (staged(c, schema, kind, columns, list, used, unmapped, encoded, text) == rows) {
            staging.remove(schema.name()); // no id was there: the next batch tries the direct COPY
        }
    }

    /**
     * Whether {@code e}, thrown by a {@link #write} of {@code tables}, is a direct COPY that met an
     * id its table already holds. If so, every event table among them is written the staged way
     * from now on (a replay seldom meets one table only): the caller rolls the transaction back and
     * writes the tables again, without a savepoint per table on the common path.
     */
    boolean conflicted(SQLException e, List<TableName> tables) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return false;
        }
        staging.addAll(tables); // users is always staged: its name in the set changes nothing
        return true;
    }

    /** COPY into a temporary table, then one statement into the table; the rows it inserted. */
    private int staged(
            Connection c,
            TableSchema schema,
            TableKind kind,
            List<String> columns,
            String list,
            int[] used,
            int unmapped,
            Iterable<EncodedRow> rows,
            byte[] text)
            throws SQLException {
        String stage = Sql.quote("sb_stage_" + (++staged));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE " + stage + " (LIKE " + Sql.table(schema.name())
                    + " INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        copy(c, "COPY " + stage + " (" + list + ") FROM STDIN", used, unmapped, rows, text);
        try (Statement s = c.createStatement()) {
            String insert = "INSERT INTO " + Sql.table(schema.name()) + " AS t (" + list + ") SELECT " + list + " FROM "
                    + stage;
            return s.executeUpdate(
                    kind == TableKind.USERS ? insert + merge(columns) : insert + " ON CONFLICT (id) DO NOTHING");
        }
    }

    /** The positions of the columns any row fills, in table order ({@code uuid_ts} is left to its default). */
    private static int[] columnsUsed(TableSchema schema, List<EncodedRow> rows) {
        boolean[] used = new boolean[schema.size()];
        int unmapped = schema.position(Columns.UNMAPPED);
        for (EncodedRow r : rows) {
            for (int at : r.filled()) {
                used[at] = true;
            }
            if (r.unmapped() != null && unmapped >= 0) {
                used[unmapped] = true;
            }
        }
        int[] out = new int[schema.size()];
        int n = 0;
        for (int at = 0; at < used.length; at++) {
            if (used[at]) {
                out[n++] = at;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String merge(List<String> columns) {
        String newer = "COALESCE(EXCLUDED.received_at >= t.received_at, true)";
        StringJoiner set = new StringJoiner(", ", " ON CONFLICT (id) DO UPDATE SET ", "");
        for (String col : columns) {
            String q = Sql.quote(col);
            if (col.equals(Columns.ID)) {
                continue;
            }
            if (col.equals(Columns.RECEIVED_AT)) {
                set.add(q + " = GREATEST(EXCLUDED." + q + ", t." + q + ")");
            } else if (col.equals(Columns.UNMAPPED)) {
                set.add(q + " = CASE WHEN " + newer + " THEN COALESCE(t." + q + ", '{}') || COALESCE(EXCLUDED." + q
                        + ", '{}') ELSE COALESCE(EXCLUDED." + q + ", '{}') || COALESCE(t." + q + ", '{}') END");
            } else {
                set.add(q + " = CASE WHEN " + newer + " THEN COALESCE(EXCLUDED." + q + ", t." + q + ") ELSE COALESCE(t."
                        + q + ", EXCLUDED." + q + ") END");
            }
        }
        set.add(Sql.quote(Columns.UUID_TS) + " = now()");
        return set.toString();
    }

    /**
     * The COPY text {@link #write} sends for an event table's rows (the columns {@link
     * ColumnCheck#used}), made ahead of the load: on the consumer's thread, while the batch before is
     * written ({@link PostgresWarehouse#prepare}).
     */
    static byte[] text(ColumnCheck check, RowEncoder encoder) {
        CopyText out = new CopyText(null);
        try {
            rows(out, check.used(), check.schema().position(Columns.UNMAPPED), check.encoded(encoder));
        } catch (SQLException e) {
            throw new IllegalStateException("a COPY text without a connection cannot fail to send", e);
        }
        return out.bytes();
    }

    /**
     * One COPY of {@code rows} (the columns at the positions {@code used}; {@code unmapped} is the
     * overflow's), or of {@code text}, the same rows encoded ahead.
     */
    private static void copy(Connection c, String sql, int[] used, int unmapped, Iterable<EncodedRow> rows, byte[] text)
            throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            if (text != null) {
                in.writeToCopy(text, 0, text.length);
            } else {
                CopyText out = new CopyText(in);
                rows(out, used, unmapped, rows);
                out.flush();
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void rows(CopyText out, int[] used, int unmapped, Iterable<EncodedRow> rows) throws SQLException {
        for (EncodedRow r : rows) {
            for (int i = 0; i < used.length; i++) {
                if (i > 0) {
                    out.tab();
                }
                int at = used[i];
                out.value(at == unmapped ? (r.unmapped() == null ? null : jsonb(r.unmapped())) : r.text(at));
            }
            out.endRow();
        }
    }

    private static String jsonb(com.fasterxml.jackson.databind.JsonNode node) {
        // jsonb refuses \u0000 in strings; it becomes U+FFFD as in text columns
        return RowEncoder.write(node).replace("\\u0000", "\\ufffd");
    }
}
