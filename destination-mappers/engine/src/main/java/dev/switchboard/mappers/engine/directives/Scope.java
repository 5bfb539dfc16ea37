/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * What paths and templates read: {@code $.x} reads {@code root} (the event, or the current element inside
 * {@code @arrayPath}); {@code $name.x} reads a named value such as {@code settings}, {@code endpoint},
 * {@code fields} or {@code event}.
 *
 * @param root the value {@code $.} denotes
 * @param named the values {@code $name} denotes
 */
public record Scope(JsonNode root, Map<String, JsonNode> named) {

    public Scope {
        named = Map.copyOf(named);
    }

    /** The same named values with another root (an array element). */
    public Scope withRoot(JsonNode newRoot) {
        return new Scope(newRoot, named);
    }

    /** A copy with one more named value. */
    public Scope with(String name, JsonNode value) {
        java.util.HashMap<String, JsonNode> copy = new java.util.HashMap<>(named);
        copy.put(name, value);
        return new Scope(root, copy);
    }
}
