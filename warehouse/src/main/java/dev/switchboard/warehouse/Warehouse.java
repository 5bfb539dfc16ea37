/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import dev.switchboard.warehouse.schema.TableRows;

/**
 * Where events are loaded: PostgreSQL today ({@link dev.switchboard.warehouse.postgres.PostgresWarehouse});
 * ClickHouse, Snowflake or BigQuery implement the same contract.
 *
 * <p>The contract the loader relies on: {@link #load} is atomic (every row of the batch is
 * committed, or none), idempotent on each row's id (loading a batch again adds nothing; {@code users}
 * rows are merged, not added), and evolves the schema itself (new tables and columns, with DDL that
 * is safe against other loaders of the same warehouse). The loader commits its Kafka offsets only
 * after {@code load} returns, so a failure or a crash anywhere means the batch is loaded again.
 */
public interface Warehouse extends AutoCloseable {

    /** Loads {@code batch} in one transaction; throws when nothing of it was committed. */
    void load(TableRows batch) throws WarehouseException;

    /**
     * Does ahead, on the caller's thread, what {@link #load} of this complete batch would do without
     * the warehouse (checking its rows against the schemas known now, encoding them), while the
     * batch before is still being written on the loader's thread; {@code load} redoes what changed
     * since (a schema evolved by that batch, rows added after). No I/O; never throws. The default
     * does nothing.
     */
    default void prepare(TableRows batch) {}

    /** Whether the warehouse answers now (for readiness); never throws. */
    boolean reachable();

    /** Where it is, for logs and banners: never includes the password. */
    String describe();

    /** The longest identifier the warehouse accepts, in bytes (PostgreSQL: 63). */
    int maxIdentifierBytes();

    @Override
    void close();
}
