/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import dev.switchboard.workspace.CompiledWorkspace;

/**
 * An event with the version of its workspace it is routed by: the output of the workspace step, the
 * input of fan-out.
 *
 * @param event the event as archived
 * @param workspace its workspace as compiled, or null when {@code sb.config} has no such workspace
 */
public record Configured(Enriched event, CompiledWorkspace workspace) {}
