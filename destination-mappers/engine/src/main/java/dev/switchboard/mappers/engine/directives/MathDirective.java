/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"@math": {"op": "add"|"subtract"|"multiply"|"divide", "values": [<value>, <value>, ...]}}}: the
 * values combined left to right, e.g. {@code price × quantity} or {@code time - $index}. A value may be a
 * number or numeric text. When any value is not a number (undefined, null, other text, an object) or a
 * division is by zero the result is undefined, so that {@code @if} can fall back to another field, as
 * Segment's actions do ("revenue = price × quantity when both are numbers, else revenue"). A whole
 * result is written as an integer, any other as a decimal.
 */
final class MathDirective implements Directive {

    @Override
    public String name() {
        return "@math";
    }

    @Override
    public Resolver compile(JsonNode argument) throws MappingDefinitionException {
        Mappings.requireObject(argument, "@math", "op", "values");
        String op = Mappings.option(argument, "op", null, "@math", "add", "subtract", "multiply", "divide");
        JsonNode values = argument.get("values");
        if (values == null || !values.isArray() || values.size() < 2) {
            throw new MappingDefinitionException("@math needs 'values', a list of at least two values: " + argument);
        }
        List<Resolver> operands = new ArrayList<>();
        for (JsonNode v : values) {
            operands.add(Mappings.compile(v));
        }
        return scope -> {
            BigDecimal result = null;
            for (Resolver operand : operands) {
                BigDecimal d = decimal(operand.resolve(scope));
                if (d == null) {
                    return null;
                }
                if (result == null) {
                    result = d;
                } else if (op.equals("divide") && d.signum() == 0) {
                    return null;
                } else {
                    result = switch (op) {
                        case "add" -> result.add(d);
                        case "subtract" -> result.subtract(d);
                        case "multiply" -> result.multiply(d);
                        default -> result.divide(d, MathContext.DECIMAL64);
                    };
                }
            }
            return number(result);
        };
    }

    private static BigDecimal decimal(JsonNode v) {
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual() && !v.asText().isBlank()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static JsonNode number(BigDecimal d) {
        try {
            return Mappings.JSON.numberNode(d.longValueExact());
        } catch (ArithmeticException e) {
            return Mappings.JSON.numberNode(d.doubleValue());
        }
    }
}
