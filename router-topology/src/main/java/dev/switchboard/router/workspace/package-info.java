/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The workspace step: in, unique enriched events; out, each event with its workspace as compiled
 * from the live {@code sb.config} table (a global table, so every instance sees every workspace). No
 * side output: an event whose workspace is unknown goes on with no routes.
 */
package dev.switchboard.router.workspace;
