/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * What a mapper knows of the destination instance and the connection it maps for.
 *
 * @param destinationId the configured instance id (as in {@code sb.dest.<destinationId>})
 * @param settings the instance's settings, already checked against the type's schema, with defaults applied
 * @param enabledActions the actions the connection runs; empty means every action of the type
 * @param mapping the connection's overrides of default field mappings: {@code {<action>: {<field>: <mapping>}}}
 */
public record MapperContext(String destinationId, ObjectNode settings, Set<String> enabledActions, ObjectNode mapping) {

    public MapperContext {
        enabledActions = enabledActions == null ? Set.of() : Set.copyOf(enabledActions);
        mapping = mapping == null ? JsonNodeFactory.instance.objectNode() : mapping;
    }

    /** A context with every action enabled and no overrides. */
    public MapperContext(String destinationId, ObjectNode settings) {
        this(destinationId, settings, Set.of(), null);
    }

    /** Whether the connection runs the action named {@code action}. */
    public boolean runs(String action) {
        return enabledActions.isEmpty() || enabledActions.contains(action);
    }
}
