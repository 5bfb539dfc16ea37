/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Locale;

/** {@code {"@case": {"operator": "lower"|"upper", "value": <value>}}}; non-strings pass unchanged. */
final class CaseDirective implements Directive {

    @Override
    public String name() {
        return "@case";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@case", "operator", "value");
        boolean upper = Mappings.option(argument, "operator", null, "@case", "lower", "upper")
                .equals("upper");
        Resolver value = Mappings.member(argument, "value", true, "@case");
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || !v.isTextual()) {
                return v;
            }
            return TextNode.valueOf(
                    upper ? v.asText().toUpperCase(Locale.ROOT) : v.asText().toLowerCase(Locale.ROOT));
        };
    }
}
