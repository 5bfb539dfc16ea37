/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads which items of a batch a destination rejected from its JSON answer, with the small path syntax
 * of {@code batching.partialFailure.failedIndexes}: {@code $} (the root), then steps {@code .key} (an
 * object's member), {@code .*} (each value of an object, or each element of an array) and {@code [*]}
 * (each element of an array), and optionally a last step {@code [?key=value]}: the 0-based positions of
 * the array's elements whose member {@code key} is the scalar {@code value} (compared as text, so
 * {@code [?code=400]} matches the number 400). Each node a path reaches must be a whole number: a 0-based
 * item index. For example {@code $.failed_records[*].index} (Mixpanel), {@code $.events_with_invalid_fields.*[*]}
 * (Amplitude), {@code $.errors[*].batch_index} (Customer.io) or {@code $.events[?status=failed]}
 * (Pinterest, whose i-th answer element is about the i-th event).
 *
 * <p>The answer's reason for an item is the object that named it: the element a filter matched, or the
 * object whose member held the index (e.g. Customer.io's {@code {"batch_index":1,"reason":...}}); none when
 * the index was reached from the root's own members only (Amplitude's maps of field to indexes).
 */
public final class FailedIndexes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Longest reason kept for one item, in characters. */
    public static final int MAX_REASON_CHARS = 1024;

    private FailedIndexes() {}

    /**
     * A node a path reached and the object it was read from.
     *
     * @param node the node reached
     * @param entry the object the last {@code .key} step looked into, or the element a filter matched
     */
    private record Hit(JsonNode node, JsonNode entry) {}

    /** {@link #failures} without the reasons. */
    public static Optional<SortedSet<Integer>> extract(String body, List<String> paths, int items) {
        return failures(body, paths, items).map(m -> new TreeSet<>(m.keySet()));
    }

    /**
     * The indexes {@code paths} yield in {@code body}, for a batch of {@code items}, each with the answer's
     * reason (compact JSON of the object that named it, cut to {@link #MAX_REASON_CHARS}; null when there
     * is none). Empty when the body is not JSON, a path is malformed, a reached node is not a whole number,
     * an index is outside the batch, or no path yields any index: an answer that does not describe this
     * batch is trusted for none of its items, and an empty answer means the body does not say which items
     * failed (the status alone decides).
     */
    public static Optional<SortedMap<Integer, String>> failures(String body, List<String> paths, int items) {
        if (body == null || body.isBlank() || paths.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        SortedMap<Integer, String> failed = new TreeMap<>();
        for (String path : paths) {
            Optional<List<Hit>> hits = walk(root, path);
            if (hits.isEmpty()) {
                return Optional.empty();
            }
            for (Hit h : hits.get()) {
                JsonNode n = h.node();
                if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() >= items) {
                    // The answer does not describe this batch: trust none of it.
                    return Optional.empty();
                }
                String reason =
                        h.entry() == root ? null : HttpResult.cut(h.entry().toString(), MAX_REASON_CHARS);
                failed.merge(n.asInt(), reason == null ? "" : reason, FailedIndexes::join);
            }
        }
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        failed.replaceAll((i, r) -> r.isEmpty() ? null : r);
        return Optional.of(failed);
    }

    private static String join(String a, String b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return a.isEmpty() ? b : a;
        }
        return HttpResult.cut(a + "; " + b, MAX_REASON_CHARS);
    }

    /** The nodes {@code path} reaches from {@code root}; empty when the path is malformed. */
    static Optional<List<JsonNode>> select(JsonNode root, String path) {
        return walk(root, path).map(hits -> hits.stream().map(Hit::node).toList());
    }

    private static Optional<List<Hit>> walk(JsonNode root, String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.empty();
        }
        List<Hit> current = List.of(new Hit(root, root));
        int i = 1;
        while (i < path.length()) {
            List<Hit> next = new ArrayList<>();
            if (path.startsWith("[*]", i)) {
                current.forEach(h -> {
                    if (h.node().isArray()) {
                        h.node().forEach(e -> next.add(new Hit(e, h.entry())));
                    }
                });
                i += 3;
            } else if (path.startsWith("[?", i)) {
                int end = path.indexOf(']', i);
                if (end != path.length() - 1) {
                    return Optional.empty(); // a filter yields indexes: it is the last step
                }
                Optional<Filter> filter = Filter.parse(path.substring(i + 2, end));
                if (filter.isEmpty()) {
                    return Optional.empty();
                }
                current.forEach(h -> filter.get().matches(h.node(), next));
                i = end + 1;
            } else if (path.charAt(i) == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String key = path.substring(i + 1, end);
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                for (Hit h : current) {
                    JsonNode n = h.node();
                    if (key.equals("*")) {
                        if (n.isContainerNode()) {
                            n.forEach(e -> next.add(new Hit(e, h.entry())));
                        }
                    } else if (n.isObject() && n.has(key)) {
                        next.add(new Hit(n.get(key), n));
                    }
                }
                i = end;
            } else {
                return Optional.empty();
            }
            current = next;
        }
        return Optional.of(current);
    }

    /** The {@code [?key=value]} step: array elements whose member {@code key} is the scalar {@code value}. */
    private record Filter(String key, String value) {

        static Optional<Filter> parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Filter(text.substring(0, eq), text.substring(eq + 1)));
        }

        /** Adds the position of each matching element of {@code array} (nothing when it is no array). */
        void matches(JsonNode array, List<Hit> out) {
            if (!array.isArray()) {
                return;
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode member = array.get(i).get(key);
                if (member != null
                        && member.isValueNode()
                        && !member.isNull()
                        && member.asText().equals(value)) {
                    out.add(new Hit(IntNode.valueOf(i), array.get(i)));
                }
            }
        }
    }
}
