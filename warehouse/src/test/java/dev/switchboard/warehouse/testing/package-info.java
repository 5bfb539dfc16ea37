/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Test support: one embedded broker and one embedded PostgreSQL per test class, events, queries. */
package dev.switchboard.warehouse.testing;
