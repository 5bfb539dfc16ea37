/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"@merge": {"objects": [<value>, ...], "direction": "right"|"left"}}}: a shallow merge. With
 * {@code right} (the default) a later object's keys win; with {@code left} the first object's keys win.
 * Values that are not objects are skipped.
 */
final class MergeDirective implements Directive {

    @Override
    public String name() {
        return "@merge";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@merge", "objects", "direction");
        boolean left = Mappings.option(argument, "direction", "right", "@merge", "left", "right")
                .equals("left");
        JsonNode objects = argument.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new MappingDefinitionException("@merge needs 'objects', a list of objects: " + argument);
        }
        List<Resolver> parts = new ArrayList<>();
        for (JsonNode o : objects) {
            parts.add(Mappings.compile(o));
        }
        return scope -> {
            ObjectNode out = Mappings.JSON.objectNode();
            for (Resolver part : parts) {
                JsonNode value = part.resolve(scope);
                if (value != null && value.isObject()) {
                    value.fields().forEachRemaining(e -> {
                        if (!left || !out.has(e.getKey())) {
                            out.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }
            return out;
        };
    }
}
