/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code {"@if": {"exists": <value>, "then": <value>, "else": <value>}}}: {@code then} when the value is
 * neither undefined nor null. With {@code "blank"} instead of {@code "exists"}, {@code then} when the value
 * is not blank (not undefined, null or the empty string), as in Segment's mapping-kit. A missing branch
 * resolves to undefined.
 */
final class IfDirective implements Directive {

    @Override
    public String name() {
        return "@if";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@if", "exists", "blank", "then", "else");
        boolean exists = argument.has("exists");
        if (exists == argument.has("blank")) {
            throw new MappingDefinitionException("@if needs exactly one of 'exists' or 'blank': " + argument);
        }
        Resolver condition = Mappings.compile(argument.get(exists ? "exists" : "blank"));
        Resolver then = Mappings.compile(argument.get("then"));
        Resolver otherwise = Mappings.compile(argument.get("else"));
        return scope -> {
            JsonNode value = condition.resolve(scope);
            boolean present = value != null && !value.isNull();
            boolean holds =
                    present && (exists || !(value.isTextual() && value.asText().isEmpty()));
            return holds ? then.resolve(scope) : otherwise.resolve(scope);
        };
    }
}
