/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import dev.switchboard.warehouse.Warehouse;
import dev.switchboard.warehouse.WarehouseException;
import dev.switchboard.warehouse.schema.ColumnCheck;
import dev.switchboard.warehouse.schema.RowEncoder;
import dev.switchboard.warehouse.schema.SchemaPlanner;
import dev.switchboard.warehouse.schema.TableKind;
import dev.switchboard.warehouse.schema.TableName;
import dev.switchboard.warehouse.schema.TableRows;
import dev.switchboard.warehouse.schema.TableSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.util.PSQLException;

/**
 * PostgreSQL in Segment's warehouse schema. One connection; {@link #load} is synchronized (the loader
 * calls it from its load thread, and from its consumer's thread in a rebalance). A batch is
 * loaded in two steps: the DDL it needs (new tables, new columns) in short transactions of their
 * own under an advisory lock, skipped when the known columns suffice; then every table's rows in
 * one transaction ({@link StagedCopy}). Column types are cached and read again after any failure.
 */
public final class PostgresWarehouse implements Warehouse {

    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    private final PostgresUrl url;
    private final Duration timeout;
    private final SchemaEvolution evolution;
    private final RowEncoder encoder = new RowEncoder();
    private final StagedCopy copy = new StagedCopy();
    private final Map<TableName, TableSchema> known = new ConcurrentHashMap<>();
    /** The batch {@link #prepare} checked and encoded last, for the {@link #load} of it that follows. */
    private final AtomicReference<Prepared> prepared = new AtomicReference<>();

    private Connection connection;

    /** A warehouse at {@code url}; {@code timeout} bounds connecting and each network read. */
    public PostgresWarehouse(PostgresUrl url, SchemaPlanner planner, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.evolution = new SchemaEvolution(planner);
    }

    @Override
    public synchronized void load(TableRows batch) throws WarehouseException {
        if (batch.isEmpty()) {
            return;
        }
        Prepared ahead = prepared.get();
        if (ahead != null && (ahead.batch != batch || ahead.size != batch.size())) {
            ahead = null; // another batch's, or rows were added since
        }
        prepared.compareAndSet(ahead, null);
        try {
            Connection c = connection();
            List<TableRows.Group> groups = ahead != null ? ahead.groups : batch.groups();
            List<TablePlan> tables = new ArrayList<>(groups.size());
            for (int i = 0; i < groups.size(); i++) {
                // DDL first, in transactions of its own, before any COPY
                tables.add(plan(
                        c,
                        groups.get(i),
                        ahead != null ? ahead.checks.get(i) : null,
                        ahead != null ? ahead.texts.get(i) : null));
            }
            try {
                write(c, tables);
            } catch (SQLException e) {
                if (!copy.conflicted(
                        e, tables.stream().map(t -> t.group().table()).toList())) {
                    throw e;
                }
                c.rollback(); // ids the tables held (a replay): again, staged, adding only the new ones
                write(c, tables);
            }
        } catch (SQLException | RuntimeException e) {
            known.clear(); // a table dropped or changed by hand: read the catalog again
            boolean unavailable = isConnectionFailure(e);
            discard(unavailable);
            throw new WarehouseException(
                    "could not load " + batch.size() + " rows into " + describe() + ": " + e.getMessage(),
                    e,
                    unavailable);
        }
    }

    private void write(Connection c, List<TablePlan> tables) throws SQLException {
        for (TablePlan t : tables) {
            copy.write(c, t.group().kind(), t.group().rows().size(), t.check(), encoder, t.text());
        }
        c.commit();
    }

    /**
     * One table's rows, the schema they are written against, and the columns the COPY lists; {@code
     * text}, an event table's rows encoded ahead against that schema, or null.
     */
    private record TablePlan(TableRows.Group group, ColumnCheck check, byte[] text) {}

    /**
     * A batch's groups as {@link #prepare} saw them ({@code size} rows), each checked against the
     * schema known then (null: a table not known yet) and, for an event table, encoded into its COPY
     * text.
     */
    private record Prepared(
            TableRows batch, int size, List<TableRows.Group> groups, List<ColumnCheck> checks, List<byte[]> texts) {}

    @Override
    public void prepare(TableRows batch) {
        try {
            List<TableRows.Group> groups = batch.groups();
            List<ColumnCheck> checks = new ArrayList<>(groups.size());
            List<byte[]> texts = new ArrayList<>(groups.size());
            for (TableRows.Group g : groups) {
                TableSchema schema = known.get(g.table());
                ColumnCheck check = schema == null ? null : ColumnCheck.of(g.rows(), schema);
                checks.add(check);
                // users rows are encoded at the load, for the columns they fill (StagedCopy)
                boolean encode = check != null && !check.missingColumn() && g.kind() != TableKind.USERS;
                texts.add(encode ? StagedCopy.text(check, encoder) : null);
            }
            prepared.set(new Prepared(batch, batch.size(), groups, checks, texts));
        } catch (RuntimeException e) {
            prepared.set(null); // load checks the batch itself, and reports what is wrong with it
        }
    }

    /**
     * The group checked against the known columns, without encoding it (one lookup per field).
     * Only when a property lacks a column and the table has room (or for a table not seen yet) is
     * the schema evolved, and the rows checked again against the columns it has now. The rows are
     * encoded later, into the COPY stream. {@code ahead} is {@link #prepare}'s check of the group (or
     * null), taken when the schema is still the one it was made against.
     */
    private TablePlan plan(Connection c, TableRows.Group g, ColumnCheck ahead, byte[] text) throws SQLException {
        TableSchema schema = known.get(g.table());
        if (schema != null) {
            boolean same = ahead != null && ahead.schema() == schema;
            ColumnCheck check = same ? ahead : ColumnCheck.of(g.rows(), schema);
            boolean room = schema.size() < evolution.planner().columnBudget();
            if (!room || !check.missingColumn()) {
                return new TablePlan(g, check, same ? text : null);
            }
        }
        TableSchema evolved = evolution.evolve(c, g.table(), g.kind(), g.rows());
        known.put(g.table(), evolved);
        return new TablePlan(g, ColumnCheck.of(g.rows(), evolved), null);
    }

    @Override
    public synchronized boolean reachable() {
        try (Statement s = connection().createStatement()) {
            s.execute("SELECT 1");
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            discard(true);
            return false;
        }
    }

    @Override
    public String describe() {
        return url.display();
    }

    @Override
    public int maxIdentifierBytes() {
        return MAX_IDENTIFIER_BYTES;
    }

    @Override
    public synchronized void close() {
        discard(true);
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Properties p = new Properties();
            if (url.user() != null) {
                p.setProperty("user", url.user());
            }
            if (url.password() != null) {
                p.setProperty("password", url.password());
            }
            int seconds = (int) Math.max(1, timeout.toSeconds());
            p.setProperty("connectTimeout", String.valueOf(seconds));
            p.setProperty("socketTimeout", String.valueOf(seconds * 6L));
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("ApplicationName", "switchboard-warehouse");
            Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
            c.setAutoCommit(false);
            connection = c;
        }
        return connection;
    }

    /** Rolls back, and closes the connection when it may be broken. */
    private void discard(boolean close) {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            close = true;
        }
        if (close) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    /** Class 08 (connection exception), 57P01-03 (the server shutting down), or no SQL state at all. */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof PSQLException p) {
                String state = p.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57P");
            }
        }
        return false;
    }
}
