/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** FQL's value semantics over Jackson nodes: truthiness, strict equality, ordering, conversion. */
final class Values {

    private static final Pattern NUMERIC = Pattern.compile("\\s*-?\\d+(\\.\\d+)?([eE][+-]?\\d{1,3})?\\s*");

    private static final JsonNode ZERO = IntNode.valueOf(0);

    private Values() {}

    static JsonNode bool(boolean b) {
        return BooleanNode.valueOf(b);
    }

    /** Only the boolean true is true; strings, numbers and null are not. */
    static boolean truthy(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }

    static boolean isNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Normalizes Java null and MissingNode to NullNode. */
    static JsonNode orNull(JsonNode node) {
        return isNull(node) ? NullNode.getInstance() : node;
    }

    /** {@code =}: same type and equal; numbers compare by value (1 = 1.0), lists element-wise. */
    static boolean strictEquals(JsonNode a, JsonNode b) {
        if (isNull(a) || isNull(b)) {
            return isNull(a) && isNull(b);
        }
        if (a.isNumber() && b.isNumber()) {
            Integer cmp = compareNumbers(a, b);
            return cmp != null && cmp == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        if (a.isArray() && b.isArray()) {
            return a.size() == b.size() && elementsEqual(a.elements(), b.elements());
        }
        if (a.isObject() && b.isObject()) {
            return a.size() == b.size() && fieldsEqual(a, b);
        }
        return false;
    }

    private static boolean elementsEqual(Iterator<JsonNode> a, Iterator<JsonNode> b) {
        while (a.hasNext()) {
            if (!strictEquals(a.next(), b.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean fieldsEqual(JsonNode a, JsonNode b) {
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!b.has(field.getKey()) || !strictEquals(field.getValue(), b.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Compares two numbers; null when either side is not a number. */
    static Integer compareNumbers(JsonNode a, JsonNode b) {
        if (a == null || b == null || !a.isNumber() || !b.isNumber()) {
            return null;
        }
        if (!finite(a) || !finite(b)) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.decimalValue().compareTo(b.decimalValue());
    }

    private static boolean finite(JsonNode n) {
        return !(n.isDouble() || n.isFloat()) || Double.isFinite(n.doubleValue());
    }

    /** The FQL type name: string, number, list, object, bool or null. */
    static String typeName(JsonNode node) {
        if (isNull(node)) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "list";
        }
        return node.isObject() ? "object" : "null";
    }

    /** string(): a string stays itself; numbers in plain decimal; everything else as JSON text. */
    static JsonNode toStringValue(JsonNode node) {
        if (isNull(node)) {
            return TextNode.valueOf("null");
        }
        if (node.isTextual()) {
            return node;
        }
        if (node.isNumber()) {
            return TextNode.valueOf(formatNumber(node));
        }
        return TextNode.valueOf(node.toString());
    }

    private static String formatNumber(JsonNode node) {
        if (!finite(node)) {
            return node.asText();
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        // plain notation for sane magnitudes; scientific keeps huge exponents from exploding
        return Math.abs(value.scale()) <= 64 ? value.toPlainString() : value.toString();
    }

    /** number(): numbers stay; numeric strings are parsed; anything else is null. */
    static JsonNode toNumber(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node;
        }
        if (node != null && node.isTextual() && node.textValue().length() <= 400) {
            String text = node.textValue();
            if (NUMERIC.matcher(text).matches()) {
                return Lexer.numberNode(new BigDecimal(text.strip()));
            }
        }
        return NullNode.getInstance();
    }

    /**
     * bool(): booleans stay; null is false; numbers are true unless 0; strings "true"/"1" and
     * "false"/"0"/"" (case-insensitive); lists and objects are true unless empty. Else null.
     */
    static JsonNode toBool(JsonNode node) {
        if (isNull(node)) {
            return bool(false);
        }
        if (node.isBoolean()) {
            return node;
        }
        if (node.isNumber()) {
            Integer cmp = compareNumbers(node, ZERO);
            return bool(cmp != null && cmp != 0);
        }
        if (node.isTextual()) {
            String text = node.textValue().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "true", "1" -> bool(true);
                case "false", "0", "" -> bool(false);
                default -> NullNode.getInstance();
            };
        }
        return bool(node.size() > 0);
    }

    /** Length of a string in UTF-8 bytes, without allocating. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
