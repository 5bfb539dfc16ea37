/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Map: each routed event through its destination type's mapper. In: {@code Routed}. Out:
 * {@code DestinationRequest}s on {@code sb.dest.<destinationId>}. Side output: {@code sb.rejected}
 * (stage {@code map}, with the destination id) when the payload is invalid for the destination,
 * no mapper of the type is installed, or the mapper fails: one event's error never stops the stream.
 */
package dev.switchboard.router.map;
