/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code {"@path": "$.properties.price"}}: the value at a path; undefined when missing. */
final class PathDirective implements Directive {

    @Override
    public String name() {
        return "@path";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        if (argument == null || !argument.isTextual()) {
            throw new MappingDefinitionException("@path takes a path string such as \"$.userId\"; got: " + argument);
        }
        JsonPath path = JsonPath.parse(argument.asText());
        return path::read;
    }

    /** The field a mapping reads when it is a plain {@code @path}, for error messages; else "event". */
    static String fieldOf(JsonNode mapping) {
        if (mapping != null
                && mapping.isObject()
                && mapping.size() == 1
                && mapping.path("@path").isTextual()) {
            try {
                return JsonPath.parse(mapping.get("@path").asText()).field();
            } catch (MappingDefinitionException e) {
                return "event";
            }
        }
        return "event";
    }
}
