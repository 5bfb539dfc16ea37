/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON types a setting can have. */
public enum SettingType {
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    OBJECT,
    ARRAY;

    /** Whether {@code value} is of this type. */
    public boolean accepts(JsonNode value) {
        return switch (this) {
            case STRING -> value.isTextual();
            case NUMBER -> value.isNumber();
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
        };
    }

    /** For error messages: "a string", "an object", ... */
    public String describe() {
        return switch (this) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case INTEGER -> "an integer";
            case BOOLEAN -> "true or false";
            case OBJECT -> "an object";
            case ARRAY -> "a list";
        };
    }
}
