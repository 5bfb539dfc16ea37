/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The plan step, between dedupe and fan-out: the source's tracking plan and the workspace's
 * suppression list. Input: events with their workspace. Output: every event for the archive
 * ({@code sb.events}; those kept from fan-out carry an {@code sb-blocked} header, with
 * {@code sb-violations}), one {@code Violation} per violation for {@code sb.violations}, and what
 * fan-out gets. A plan that forwards violations or blocked events adds, after the judged event, the
 * events it forwards into the chosen source ({@code sb-forwarded} header): archived and fanned out as
 * that source's events, never judged by a plan. A workspace with neither plans nor suppression costs one lookup per event.
 */
package dev.switchboard.router.plan;
