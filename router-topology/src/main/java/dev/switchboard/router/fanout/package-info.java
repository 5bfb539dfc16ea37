/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Fan-out: each event to every destination its source is connected to. In: unique {@code Enriched}
 * events and the live {@code sb.config} view (a GlobalKTable). Out: one {@code Routed} per
 * (event, destination) that is enabled and allowed by the event's {@code integrations} object
 * (segment-spec §1.10). No side output: an event with no route is archived and goes nowhere else.
 */
package dev.switchboard.router.fanout;
