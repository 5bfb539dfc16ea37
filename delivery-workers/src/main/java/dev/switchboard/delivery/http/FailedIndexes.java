/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads which items of a batch a destination rejected from its JSON answer, with the small path syntax
 * of {@code batching.partialFailure.failedIndexes}: {@code $} (the root), then steps {@code .key} (an
 * object's member), {@code .*} (each value of an object, or each element of an array) and {@code [*]}
 * (each element of an array). Each node a path reaches must be a whole number: a 0-based item index.
 * For example {@code $.failed_records[*].index} (Mixpanel) or {@code $.events_with_invalid_fields.*[*]}
 * (Amplitude).
 */
public final class FailedIndexes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FailedIndexes() {}

    /**
     * The indexes {@code paths} yield in {@code body}, for a batch of {@code items}; empty when the body is
     * not JSON, a path is malformed, a reached node is not a whole number, an index is outside the batch,
     * or no path yields any index. An empty answer means the body does not say which items failed.
     */
    public static Optional<SortedSet<Integer>> extract(String body, List<String> paths, int items) {
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
        SortedSet<Integer> indexes = new TreeSet<>();
        for (String path : paths) {
            Optional<List<JsonNode>> nodes = select(root, path);
            if (nodes.isEmpty()) {
                return Optional.empty();
            }
            for (JsonNode n : nodes.get()) {
                if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() >= items) {
                    // The answer does not describe this batch: trust none of it.
                    return Optional.empty();
                }
                indexes.add(n.asInt());
            }
        }
        return indexes.isEmpty() ? Optional.empty() : Optional.of(indexes);
    }

    /** The nodes {@code path} reaches from {@code root}; empty when the path is malformed. */
    static Optional<List<JsonNode>> select(JsonNode root, String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.empty();
        }
        List<JsonNode> current = List.of(root);
        int i = 1;
        while (i < path.length()) {
            List<JsonNode> next = new ArrayList<>();
            if (path.startsWith("[*]", i)) {
                current.forEach(n -> {
                    if (n.isArray()) {
                        n.forEach(next::add);
                    }
                });
                i += 3;
            } else if (path.charAt(i) == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String key = path.substring(i + 1, end);
                if (key.isEmpty()) {
                    return Optional.empty();
                }
                for (JsonNode n : current) {
                    if (key.equals("*")) {
                        if (n.isContainerNode()) {
                            n.forEach(next::add);
                        }
                    } else if (n.isObject() && n.has(key)) {
                        next.add(n.get(key));
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
}
