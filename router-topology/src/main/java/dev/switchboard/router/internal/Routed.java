/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

/** An event on its way to one destination: the output of fan-out, the input of map. */
public record Routed(Enriched event, Route route) {}
