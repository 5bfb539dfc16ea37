/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A dotted field path such as {@code properties.total} or {@code properties.product\ 1.price}.
 * Segments are made of {@code [a-zA-Z0-9_-]}; any other character is written with a backslash
 * before it. Immutable and thread-safe.
 */
public final class FieldPath {

    private final List<String> segments;

    private FieldPath(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    /**
     * Parses the dotted, escaped form.
     *
     * @throws IllegalArgumentException naming the position when the path is empty, has an empty
     *     segment, an unescaped character outside {@code [a-zA-Z0-9_-]}, or a dangling backslash
     */
    public static FieldPath parse(String dotted) {
        if (dotted == null || dotted.isEmpty()) {
            throw new IllegalArgumentException("field path is empty");
        }
        PathScanner.Scanned scanned;
        try {
            scanned = PathScanner.scan(dotted, 0);
        } catch (PathScanner.BadPath e) {
            throw new IllegalArgumentException(
                    "bad field path '" + dotted + "': " + e.getMessage() + " at " + e.position(), e);
        }
        if (scanned.end() != dotted.length()) {
            throw new IllegalArgumentException("bad field path '" + dotted + "': character '"
                    + dotted.charAt(scanned.end()) + "' at " + scanned.end()
                    + " must be escaped with '\\'");
        }
        return new FieldPath(scanned.segments());
    }

    /** A path from raw, unescaped segments, e.g. {@code of("properties", "product 1")}. */
    public static FieldPath of(String... segments) {
        return of(List.of(segments));
    }

    /** A path from raw, unescaped segments; none may be empty and there must be at least one. */
    public static FieldPath of(List<String> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("field path needs non-empty segments: " + segments);
        }
        return new FieldPath(segments);
    }

    /** This path followed by one more raw (unescaped) segment. */
    public FieldPath child(String segment) {
        return of(concat(segments, segment));
    }

    /** The raw, unescaped segments. */
    public List<String> segments() {
        return segments;
    }

    /**
     * The value at this path. Never returns Java {@code null}: an absent field (or a path through a
     * non-object) yields {@link MissingNode} ({@code isMissingNode()}), while a JSON null stays a
     * {@code NullNode}. A segment of digits indexes into an array ({@code properties.products.0}).
     */
    public JsonNode get(JsonNode root) {
        JsonNode node = root == null ? MissingNode.getInstance() : root;
        for (String segment : segments) {
            if (node.isObject()) {
                node = node.path(segment);
            } else if (node.isArray() && isIndex(segment)) {
                node = node.path(Integer.parseInt(segment));
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    /**
     * Removes the field at this path, if present. When a segment crosses an array the rest of the
     * path applies to every element, so {@code properties.products.price} removes {@code price}
     * from each product (Segment's Drop Properties). Single array elements are never removed.
     */
    public void remove(ObjectNode root) {
        if (root != null) {
            remove(root, 0);
        }
    }

    private void remove(JsonNode node, int index) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                remove(element, index);
            }
        } else if (node instanceof ObjectNode object) {
            String segment = segments.get(index);
            if (index == segments.size() - 1) {
                object.remove(segment);
            } else {
                JsonNode child = object.get(segment);
                if (child != null) {
                    remove(child, index + 1);
                }
            }
        }
    }

    private static boolean isIndex(String segment) {
        if (segment.length() > 9) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) < '0' || segment.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static List<String> concat(List<String> head, String last) {
        var all = new java.util.ArrayList<>(head);
        all.add(last);
        return all;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /** The dotted form, escaped so that {@code parse(toString())} returns an equal path. */
    @Override
    public String toString() {
        return PathScanner.format(segments);
    }
}
