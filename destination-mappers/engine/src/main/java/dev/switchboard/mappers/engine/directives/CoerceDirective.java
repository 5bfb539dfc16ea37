/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The typed coercions {@code @string}, {@code @number}, {@code @integer} and {@code @boolean}, e.g.
 * {@code {"@number": {"@path": "$.properties.price"}}}. Undefined and null pass unchanged; an empty string
 * becomes undefined for the non-string types; a value that cannot be converted fails the event (payload
 * invalid, naming the field). {@code @integer} refuses fractions rather than silently rounding them.
 */
final class CoerceDirective implements Directive {

    private final String name;

    CoerceDirective(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        if (argument == null || argument.isNull()) {
            throw new MappingDefinitionException(
                    name + " needs a value, e.g. {\"" + name + "\": {\"@path\": \"$.x\"}}");
        }
        Resolver value = Mappings.compile(argument);
        String field = PathDirective.fieldOf(argument);
        return scope -> {
            JsonNode v = value.resolve(scope);
            if (v == null || v.isNull()) {
                return v;
            }
            return convert(v, field);
        };
    }

    private JsonNode convert(JsonNode v, String field) {
        if (name.equals("@string")) {
            return v.isTextual() ? v : TextNode.valueOf(v.isValueNode() ? plain(v) : v.toString());
        }
        if (v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        return switch (name) {
            case "@number" -> number(v, field);
            case "@integer" -> integer(v, field);
            default -> bool(v, field);
        };
    }

    private static String plain(JsonNode v) {
        return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }

    /** Numbers pass unchanged; text becomes a whole number when it is one, else a double. */
    private JsonNode number(JsonNode v, String field) {
        if (v.isNumber()) {
            return v;
        }
        BigDecimal d = decimal(v, field);
        try {
            return Mappings.JSON.numberNode(d.longValueExact());
        } catch (ArithmeticException e) {
            return Mappings.JSON.numberNode(d.doubleValue());
        }
    }

    private BigDecimal decimal(JsonNode v, String field) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the failure below
            }
        }
        throw new MappingFailure(field, "'" + field + "' must be a number; got: " + v);
    }

    private JsonNode integer(JsonNode v, String field) {
        BigDecimal d = decimal(v, field);
        try {
            return Mappings.JSON.numberNode(d.longValueExact());
        } catch (ArithmeticException e) {
            throw new MappingFailure(field, "'" + field + "' must be a whole number; got: " + v);
        }
    }

    private static JsonNode bool(JsonNode v, String field) {
        if (v.isBoolean()) {
            return v;
        }
        String text = v.asText().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "1" -> BooleanNode.TRUE;
            case "false", "0" -> BooleanNode.FALSE;
            default -> throw new MappingFailure(field, "'" + field + "' must be true or false; got: " + v);
        };
    }
}
