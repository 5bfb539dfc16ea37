/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fields;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The JSON types the inventory tells apart, as bits of a mask, and their names in {@code FieldSeen.types}. */
final class JsonTypes {

    static final List<String> NAMES = List.of("string", "integer", "number", "boolean", "object", "array", "null");

    private JsonTypes() {}

    /** The bit of {@code value}'s type. */
    static int bit(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING, BINARY -> 1;
            case NUMBER -> value.isIntegralNumber() ? 1 << 1 : 1 << 2;
            case BOOLEAN -> 1 << 3;
            case OBJECT, POJO -> 1 << 4;
            case ARRAY -> 1 << 5;
            case NULL, MISSING -> 1 << 6;
        };
    }

    /** The names of the types in {@code mask}, in {@link #NAMES} order. */
    static List<String> names(int mask) {
        List<String> out = new ArrayList<>(Integer.bitCount(mask));
        for (int i = 0; i < NAMES.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(NAMES.get(i));
            }
        }
        return out;
    }

    /** The mask of {@code names} (unknown names are ignored). */
    static int mask(List<String> names) {
        int mask = 0;
        for (String n : names) {
            int i = NAMES.indexOf(n);
            if (i >= 0) {
                mask |= 1 << i;
            }
        }
        return mask;
    }
}
