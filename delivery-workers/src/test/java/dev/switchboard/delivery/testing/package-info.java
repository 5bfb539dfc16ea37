/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/** Test fixtures: fake destinations (real HTTP servers on 127.0.0.1), a settable config view, Kafka helpers. */
package dev.switchboard.delivery.testing;
