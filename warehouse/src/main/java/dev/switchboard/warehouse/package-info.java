/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The warehouse role: loads {@code sb.events} into a warehouse in Segment's warehouse schema.
 * {@link dev.switchboard.warehouse.WarehouseApp} runs one loader per warehouse and follows the
 * workspaces' {@code warehouses:} sections; {@link dev.switchboard.warehouse.Warehouse} is what a
 * warehouse implements (PostgreSQL today).
 */
package dev.switchboard.warehouse;
