/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a mapper knows of the destination instance it maps for.
 *
 * @param destinationId the configured instance id (as in {@code sb.dest.<destinationId>})
 * @param settings the instance's settings, already checked against the type's schema, with defaults applied
 */
public record MapperContext(String destinationId, ObjectNode settings) {}
