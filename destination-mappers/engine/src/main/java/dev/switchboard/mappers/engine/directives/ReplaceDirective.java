/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * {@code {"@replace": {"value": <value>, "pattern": " ", "replacement": "_"}}}: every occurrence of a
 * literal string replaced (no regular expressions, so no catastrophic patterns); non-strings pass
 * unchanged. E.g. {@code Order Completed} → {@code Order_Completed} for vendors whose event names cannot
 * hold spaces.
 */
final class ReplaceDirective implements Directive {

    @Override
    public String name() {
        return "@replace";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@replace", "value", "pattern", "replacement");
        Resolver value = Mappings.member(argument, "value", true, "@replace");
        JsonNode pattern = argument.get("pattern");
        JsonNode replacement = argument.path("replacement");
        if (pattern == null || !pattern.isTextual() || pattern.asText().isEmpty()) {
            throw new MappingDefinitionException("@replace needs 'pattern', a non-empty string: " + argument);
        }
        if (!replacement.isMissingNode() && !replacement.isTextual()) {
            throw new MappingDefinitionException("@replace 'replacement' must be a string: " + argument);
        }
        String from = pattern.asText();
        String to = replacement.asText("");
        return scope -> {
            JsonNode v = value.resolve(scope);
            return v != null && v.isTextual() ? TextNode.valueOf(v.asText().replace(from, to)) : v;
        };
    }
}
