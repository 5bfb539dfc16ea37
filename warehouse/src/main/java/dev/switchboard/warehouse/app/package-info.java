/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The warehouse role's wiring: {@link dev.switchboard.warehouse.app.WarehouseApp} runs one loader per warehouse
 * and follows the workspaces' {@code warehouses:} sections. It depends on the loader and the warehouses, which
 * depend only on the contracts in {@code dev.switchboard.warehouse}.
 */
package dev.switchboard.warehouse.app;
