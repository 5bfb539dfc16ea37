/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code {"@mapValues": {"value": <object or array>, "mapping": <mapping>}}}: the same structure with
 * {@code mapping} applied to every value that is not an object or array, at any depth. Inside the
 * mapping {@code $.} is that value and {@code $key} its member name (or its index in an array); a value
 * the mapping leaves undefined is dropped. E.g. Customer.io's date-like attributes at any depth turned
 * into unix seconds with {@code {"@datetime": {"value": {"@path": "$."}, "format": "unix-s", "lenient": true}}}.
 * A value that is not an object or array is mapped itself.
 */
final class MapValuesDirective implements Directive {

    @Override
    public String name() {
        return "@mapValues";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@mapValues", "value", "mapping");
        Resolver value = Mappings.member(argument, "value", true, "@mapValues");
        Resolver mapping = Mappings.member(argument, "mapping", true, "@mapValues");
        return scope -> {
            JsonNode v = value.resolve(scope);
            return v == null ? null : map(v, null, mapping, scope);
        };
    }

    private static JsonNode map(JsonNode v, JsonNode key, Resolver mapping, Scope scope) {
        if (v.isObject()) {
            ObjectNode out = Mappings.JSON.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode mapped = map(e.getValue(), TextNode.valueOf(e.getKey()), mapping, scope);
                if (mapped != null) {
                    out.set(e.getKey(), mapped);
                }
            }
            return out;
        }
        if (v.isArray()) {
            ArrayNode out = Mappings.JSON.arrayNode();
            for (int i = 0; i < v.size(); i++) {
                JsonNode mapped = map(v.get(i), Mappings.JSON.numberNode(i), mapping, scope);
                if (mapped != null) {
                    out.add(mapped);
                }
            }
            return out;
        }
        Scope leaf = scope.withRoot(v);
        return mapping.resolve(key == null ? leaf : leaf.with("key", key));
    }
}
