/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code {"@flatten": {"value": <object>, "separator": "."}}}: nested objects become one level, their keys
 * joined by the separator ({@code {"a": {"b": 1}}} → {@code {"a.b": 1}}). Arrays are kept as values.
 */
final class FlattenDirective implements Directive {

    @Override
    public String name() {
        return "@flatten";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@flatten", "value", "separator");
        Resolver value = Mappings.member(argument, "value", true, "@flatten");
        JsonNode sep = argument.path("separator");
        if (!sep.isMissingNode() && !sep.isTextual()) {
            throw new MappingDefinitionException("@flatten 'separator' must be a string; got: " + sep);
        }
        String separator = sep.isTextual() ? sep.asText() : ".";
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || !v.isObject()) {
                return v;
            }
            ObjectNode out = Mappings.JSON.objectNode();
            flatten("", v, separator, out);
            return out;
        };
    }

    private static void flatten(String prefix, JsonNode node, String separator, ObjectNode out) {
        node.fields().forEachRemaining(e -> {
            String key = prefix.isEmpty() ? e.getKey() : prefix + separator + e.getKey();
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                flatten(key, e.getValue(), separator, out);
            } else {
                out.set(key, e.getValue());
            }
        });
    }
}
