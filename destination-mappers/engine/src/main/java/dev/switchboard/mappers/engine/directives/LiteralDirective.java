/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code {"@literal": <json>}}: the argument as it is, directives inside it included, never resolved. */
final class LiteralDirective implements Directive {

    @Override
    public String name() {
        return "@literal";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        if (argument == null) {
            throw new MappingDefinitionException("@literal needs a value");
        }
        JsonNode copy = argument.deepCopy();
        return scope -> copy;
    }
}
