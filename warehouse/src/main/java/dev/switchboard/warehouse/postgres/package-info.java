/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PostgreSQL: schema evolution under advisory locks, COPY into a staging table and an insert of the
 * new ids in one transaction per batch, and an embedded server for dev mode and tests.
 */
package dev.switchboard.warehouse.postgres;
