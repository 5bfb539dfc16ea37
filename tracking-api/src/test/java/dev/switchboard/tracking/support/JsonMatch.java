/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares JSON exactly (same keys, same values, numbers by value) except that an expected
 * {@code "*"} matches any present value.
 */
public final class JsonMatch {

    private JsonMatch() {}

    public static void assertMatches(String what, JsonNode expected, JsonNode actual) {
        List<String> problems = new ArrayList<>();
        compare("$", expected, actual, problems);
        assertThat(problems)
                .as(what + ": expected " + expected + " but was " + actual)
                .isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> problems) {
        if (expected.isTextual() && expected.textValue().equals("*")) {
            if (actual == null || actual.isMissingNode()) {
                problems.add(path + " is missing");
            }
            return;
        }
        if (actual == null) {
            problems.add(path + " is missing");
        } else if (expected.isObject() && actual.isObject()) {
            expected.fieldNames()
                    .forEachRemaining(f -> compare(path + "." + f, expected.get(f), actual.get(f), problems));
            actual.fieldNames().forEachRemaining(f -> {
                if (!expected.has(f)) {
                    problems.add(path + "." + f + " is not expected");
                }
            });
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                problems.add(path + " has " + actual.size() + " items, expected " + expected.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), problems);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                problems.add(path + " is " + actual + ", expected " + expected);
            }
        } else if (!expected.equals(actual)) {
            problems.add(path + " is " + actual + ", expected " + expected);
        }
    }
}
