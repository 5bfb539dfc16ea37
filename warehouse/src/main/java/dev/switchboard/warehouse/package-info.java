/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The warehouse role: loads {@code sb.events} into a warehouse in Segment's warehouse schema.
 * This package holds the contracts: {@link dev.switchboard.warehouse.Warehouse} is what a warehouse
 * implements (PostgreSQL today), {@link dev.switchboard.warehouse.LoaderConfig} the role's options;
 * {@code app.WarehouseApp} wires the loader to them.
 */
package dev.switchboard.warehouse;
