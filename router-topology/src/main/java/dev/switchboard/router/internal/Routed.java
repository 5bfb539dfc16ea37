/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.workspace.Route;

/**
 * An event on its way to one destination: the output of fan-out, the input of map.
 *
 * @param event the event as archived
 * @param route the destination
 * @param json the event as this destination sees it (after its filters; read only, may be shared)
 */
public record Routed(Enriched event, Route route, ObjectNode json) {}
