/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.fql.Fql;
import dev.switchboard.fql.FqlException;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.util.function.Predicate;

/**
 * An action's trigger: an FQL expression (the same language, and implementation, as connection filters).
 *
 * @param text the expression as written
 * @param predicate whether an event triggers the action
 */
public record Trigger(String text, Predicate<JsonNode> predicate) {

    /** Parses a trigger; a syntax error names the file and the position. */
    public static Trigger parse(String file, String text) throws DestinationDefinitionException {
        try {
            return new Trigger(text, Fql.parse(text)::matches);
        } catch (FqlException e) {
            throw new DestinationDefinitionException(
                    file, "trigger '" + text + "' is not valid FQL: " + e.getMessage());
        }
    }

    /** Whether {@code event} triggers the action. */
    public boolean matches(JsonNode event) {
        return predicate.test(event);
    }
}
