/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.Event;

/** A valid, enriched event: the archive record and its JSON tree, so later stages do not parse again. */
public record Enriched(Event event, ObjectNode json) {}
