/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** A broker in its own JVM for the load runs, so that the measured JVM holds the application only. */
package dev.switchboard.bench.broker;
