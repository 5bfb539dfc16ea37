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
 * {@code {"@omit": {"value": <object>, "keys": ["email", "name"]}}}: a copy of an object without the given
 * top-level keys (e.g. traits whose vendor-reserved form is sent separately). Non-objects pass unchanged.
 */
final class OmitDirective implements Directive {

    @Override
    public String name() {
        return "@omit";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@omit", "value", "keys");
        Resolver value = Mappings.member(argument, "value", true, "@omit");
        JsonNode keys = argument.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new MappingDefinitionException("@omit needs 'keys', a list of key names: " + argument);
        }
        List<String> omitted = new ArrayList<>();
        keys.forEach(k -> omitted.add(k.asText()));
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || !v.isObject()) {
                return v;
            }
            ObjectNode copy = ((ObjectNode) v).deepCopy();
            copy.remove(omitted);
            return copy;
        };
    }
}
