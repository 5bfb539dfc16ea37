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
 * {@code {"@compact": <value>}}: an object without its members that are empty objects (at any depth),
 * undefined when nothing is left; other values pass unchanged. For vendor operations that must be left
 * out rather than sent empty, e.g. Amplitude's {@code user_properties: {"$set": {...}, "$setOnce": {...}}}
 * when the event has no campaign or referrer (Segment's actions drop them the same way).
 */
final class CompactDirective implements Directive {

    @Override
    public String name() {
        return "@compact";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        if (argument == null || argument.isNull()) {
            throw new MappingDefinitionException("@compact needs a value, e.g. {\"@compact\": {\"$set\": {...}}}");
        }
        Resolver value = Mappings.compile(argument);
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || !v.isObject()) {
                return v;
            }
            ObjectNode compact = compact((ObjectNode) v);
            return compact.isEmpty() ? null : compact;
        };
    }

    private static ObjectNode compact(ObjectNode in) {
        ObjectNode out = Mappings.JSON.objectNode();
        List<String> names = new ArrayList<>();
        in.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode member = in.get(name);
            if (member.isObject()) {
                member = compact((ObjectNode) member);
                if (member.isEmpty()) {
                    continue;
                }
            }
            out.set(name, member);
        }
        return out;
    }
}
