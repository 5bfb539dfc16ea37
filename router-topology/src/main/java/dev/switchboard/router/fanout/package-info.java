/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Fan-out: each event to every destination its source is connected to. In: each unique event with its
 * compiled workspace ({@code Configured}, from the workspace step). Out: one {@code Routed} per
 * (event, destination) that is enabled, allowed by the event's {@code integrations} object
 * (segment-spec §1.10) and kept by the connection's destination filters (segment-spec §4.6: Sample,
 * Drop, Drop Properties, Allow Properties). No side output: an event with no route is archived and
 * goes nowhere else; filters that drop an event drop it for that destination only.
 */
package dev.switchboard.router.fanout;
