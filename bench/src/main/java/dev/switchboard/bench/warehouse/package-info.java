/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Warehouse benchmark: {@link dev.switchboard.bench.warehouse.WarehouseBench} measures rows per
 * second the loader puts into an embedded PostgreSQL against a raw COPY of the same rows into the
 * same server in the same run. See bench/warehouse.md.
 */
package dev.switchboard.bench.warehouse;
