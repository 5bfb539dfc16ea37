/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Tracking plans compiled for the router: {@link dev.switchboard.workspace.plan.CompiledPlan} judges
 * an event against the version it names (transformations first, then its schemas) and says what
 * reaches destinations; {@link dev.switchboard.workspace.plan.Suppression} says whose events do not.
 */
package dev.switchboard.workspace.plan;
