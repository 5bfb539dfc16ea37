/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** The bench JVM's own CPU, for the benches that print where a run's CPU went. */
package dev.switchboard.bench.cpu;
