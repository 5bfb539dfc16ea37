/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * {@code {"@arrayPath": ["$.properties.products", {"item_id": {"@path": "$.product_id"}}]}}: maps each
 * element of an array; inside the element mapping {@code $.} is the element, {@code $index} its 0-based
 * position (e.g. {@code {"@math": {"op": "subtract", "values": [{"@path": "$event.time"}, {"@path": "$index"}]}}})
 * and {@code $event} the event.
 * Without an element mapping the array is returned as is; a value that is not an array is undefined.
 */
final class ArrayPathDirective implements Directive {

    @Override
    public String name() {
        return "@arrayPath";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        if (argument == null || !argument.isArray() || argument.isEmpty() || argument.size() > 2) {
            throw new MappingDefinitionException(
                    "@arrayPath takes [\"$.path.to.array\", {element mapping}]; got: " + argument);
        }
        Resolver array = Mappings.compile(
                argument.get(0).isTextual()
                        ? Mappings.JSON.objectNode().set("@path", argument.get(0))
                        : argument.get(0));
        if (argument.size() == 1) {
            return scope -> {
                JsonNode v = array.resolve(scope);
                return v != null && v.isArray() ? v : null;
            };
        }
        Resolver element = Mappings.compile(argument.get(1));
        return scope -> {
            JsonNode v = array.resolve(scope);
            if (v == null || !v.isArray()) {
                return null;
            }
            ArrayNode out = Mappings.JSON.arrayNode();
            for (int i = 0; i < v.size(); i++) {
                JsonNode mapped = element.resolve(scope.withRoot(v.get(i)).with("index", Mappings.JSON.numberNode(i)));
                if (mapped != null) {
                    out.add(mapped);
                }
            }
            return out;
        };
    }
}
