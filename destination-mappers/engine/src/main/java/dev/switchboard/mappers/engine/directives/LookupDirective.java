/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code {"@lookup": {"in": <object>, "key": <value>, "default": <value>}}}: the member of an object named
 * by a value of the event, e.g. a per-event message template kept in settings; {@code default} when the
 * object has no such key.
 */
final class LookupDirective implements Directive {

    @Override
    public String name() {
        return "@lookup";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@lookup", "in", "key", "default");
        Resolver in = Mappings.member(argument, "in", true, "@lookup");
        Resolver key = Mappings.member(argument, "key", true, "@lookup");
        Resolver fallback = Mappings.member(argument, "default", false, "@lookup");
        return scope -> {
            JsonNode object = in.resolve(scope);
            JsonNode k = key.resolve(scope);
            JsonNode found = object != null && k != null && k.isValueNode() ? object.get(k.asText()) : null;
            return found != null ? found : fallback.resolve(scope);
        };
    }
}
