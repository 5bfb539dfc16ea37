/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSONPath subset of {@code @path}: {@code $.} (the whole root), {@code $.a.b}, {@code $.a[0]},
 * {@code $.a["key with.dots"]}, and named roots such as {@code $settings.url}.
 *
 * @param text the path as written
 * @param rootName null for {@code $}, else the name after {@code $}
 * @param segments field names (String) and indexes (Integer), in order
 */
public record JsonPath(String text, String rootName, List<Object> segments) {

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /** Parses a path; fails with the position of the first bad character. */
    public static JsonPath parse(String text) throws MappingDefinitionException {
        if (text == null || !text.startsWith("$")) {
            throw new MappingDefinitionException("a path starts with '$' (e.g. $.properties.price), got: " + text);
        }
        int i = 1;
        int nameEnd = i;
        while (nameEnd < text.length() && Character.isLetterOrDigit(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String rootName = nameEnd > i ? text.substring(i, nameEnd) : null;
        i = nameEnd;
        List<Object> segments = new ArrayList<>();
        if (rootName == null && text.equals("$.")) {
            return new JsonPath(text, null, segments);
        }
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw bad(text, i, "an empty field name");
                }
                segments.add(text.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                i = bracket(text, i, segments);
            } else {
                throw bad(text, i, "'" + c + "'");
            }
        }
        return new JsonPath(text, rootName, segments);
    }

    private static int bracket(String text, int at, List<Object> segments) throws MappingDefinitionException {
        int close = text.indexOf(']', at);
        if (close < 0) {
            throw bad(text, at, "an unclosed '['");
        }
        String inner = text.substring(at + 1, close);
        if (inner.length() >= 2
                && (inner.charAt(0) == '"' || inner.charAt(0) == '\'')
                && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
            segments.add(inner.substring(1, inner.length() - 1));
        } else {
            try {
                segments.add(Integer.valueOf(inner));
            } catch (NumberFormatException e) {
                throw bad(text, at, "'[" + inner + "]' (use [0] or [\"key\"])");
            }
        }
        return close + 1;
    }

    private static MappingDefinitionException bad(String text, int at, String what) {
        return new MappingDefinitionException("bad path '" + text + "': " + what + " at position " + at);
    }

    /** The value at this path, {@code null} when missing (undefined); JSON null when the value is null. */
    public JsonNode read(Scope scope) {
        JsonNode node = rootName == null ? scope.root() : scope.named().get(rootName);
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node == null || node.isMissingNode() ? null : node;
    }

    /** The field this path names, dotted, for error messages ({@code properties.price}). */
    public String field() {
        StringBuilder out = new StringBuilder(rootName == null ? "" : rootName);
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            }
        }
        return out.length() == 0 ? "event" : out.toString();
    }
}
