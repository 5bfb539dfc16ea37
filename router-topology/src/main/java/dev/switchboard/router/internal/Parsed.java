/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.RawCall;

/**
 * A raw call with its payload parsed: what flows from parse through validate to enrich. The JSON is
 * parsed once and edited in place by the stages that own it (validate coerces, enrich adds).
 */
public record Parsed(RawCall raw, ObjectNode json) {}
