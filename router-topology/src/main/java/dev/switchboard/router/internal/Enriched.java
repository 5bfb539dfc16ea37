/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.Event;

/**
 * A valid, enriched event: the archive record, its JSON tree (so later stages do not parse again)
 * and the tree written as UTF-8 JSON (so no destination writes it again). Neither the tree nor the
 * text is modified after the enrich stage.
 */
public record Enriched(Event event, ObjectNode json, byte[] text) {}
