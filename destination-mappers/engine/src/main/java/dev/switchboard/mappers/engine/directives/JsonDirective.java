/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.schemas.JsonNumbers;

/**
 * {@code {"@json": {"mode": "encode"|"decode", "value": <value>}}}: encodes a value as JSON text, or
 * decodes JSON text; text that is not JSON fails the event (payload invalid).
 */
final class JsonDirective implements Directive {

    private static final ObjectMapper MAPPER = JsonNumbers.mapper(); // numbers as JavaScript writes them

    @Override
    public String name() {
        return "@json";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@json", "mode", "value");
        boolean encode = Mappings.option(argument, "mode", null, "@json", "encode", "decode")
                .equals("encode");
        Resolver value = Mappings.member(argument, "value", true, "@json");
        String field = PathDirective.fieldOf(argument.get("value"));
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null) {
                return null;
            }
            if (encode) {
                try {
                    return TextNode.valueOf(MAPPER.writeValueAsString(v));
                } catch (JsonProcessingException e) {
                    throw new MappingFailure(field, "'" + field + "' cannot be written as JSON text");
                }
            }
            if (!v.isTextual()) {
                return v;
            }
            try {
                return MAPPER.readTree(v.asText());
            } catch (JsonProcessingException e) {
                throw new MappingFailure(field, "'" + field + "' is not valid JSON text");
            }
        };
    }
}
