/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Segment's warehouse schema as pure code, tested with golden fixtures: names
 * ({@link dev.switchboard.warehouse.schema.Names}), the rows of each event
 * ({@link dev.switchboard.warehouse.schema.Flattener}), the columns a batch adds
 * ({@link dev.switchboard.warehouse.schema.SchemaPlanner}) and how values meet typed columns
 * ({@link dev.switchboard.warehouse.schema.RowEncoder}). No I/O.
 */
package dev.switchboard.warehouse.schema;
