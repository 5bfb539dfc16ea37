/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
 * <p>A path may end with {@code ~ /regex/} (a space, a tilde, a space, then the regex between slashes):
 * each node the path reaches must then be a text in which the regex is found, and its first capture
 * group is the value, e.g. Klaviyo's {@code $.errors[*].source.pointer ~ /^/data/attributes/events-bulk-create/data/(\d+)(/|$)/}
 * for a pointer {@code /data/attributes/events-bulk-create/data/3/attributes/...}. A reached node that is no
 * text, or a text the regex is not found in, makes the answer describe no item of this batch.
 *
 * <p>A destination that names failed items by id (HubSpot's {@code $.errors[*].context.ids[*]}) gives
 * {@code failedIds} paths and the id of each item as sent ({@link ItemIds}): every item whose id is named
 * failed (items sharing an id all do: the vendor cannot tell them apart), an id named twice names its items
 * once, and an id that no item of the batch has makes the answer trusted for none of them, as an
 * index outside the batch does.
 *
 * <p>The answer's reason for an item is the object that named it: the last object element of an array
 * the path went through, or the element a filter matched (e.g. Customer.io's {@code {"batch_index":1,
 * "reason":...}}, Klaviyo's and HubSpot's error objects), else the object whose member held the value;
 * none when the value was reached from the root's own members only (Amplitude's maps of field to indexes).
 */
public final class FailedIndexes {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Longest reason kept for one item, in characters. */
    public static final int MAX_REASON_CHARS = 1024;

    private FailedIndexes() {}

    /** A path's last part {@code ~ /regex/}: the path before it and the regex between the slashes. */
    private static final Pattern CAPTURE = Pattern.compile("(.*?) ~ /(.*)/");

    /** A captured text that is an index (an id keeps its text: {@code 007} is not {@code 7}). */
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    /**
     * A node a path reached and the object it was read from.
     *
     * @param node the node reached
     * @param entry the object the last {@code .key} step looked into, or the element a filter matched
     * @param element the last object element of an array the path went through, or null
     */
    private record Hit(JsonNode node, JsonNode entry, JsonNode element) {

        Hit in(JsonNode child) {
            return new Hit(child, entry, child.isObject() ? child : element);
        }

        /** The answer's words about the item: compact JSON, none when only the root named it. */
        String reason(JsonNode root) {
            JsonNode about = element != null ? element : entry;
            return about == root ? null : HttpResult.cut(about.toString(), MAX_REASON_CHARS);
        }
    }

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
        return failures(body, paths, List.of(), Collections.nCopies(items, null));
    }

    /**
     * The items {@code indexPaths} (0-based indexes) and {@code idPaths} (ids, matched against {@code ids},
     * the id of each item of the batch in order, null for an item without one) name in {@code body}, with
     * the answer's reasons as {@link #failures(String, List, int)} gives them. Empty, the answer trusted for
     * no item, also when a path names an id that no item has.
     */
    public static Optional<SortedMap<Integer, String>> failures(
            String body, List<String> indexPaths, List<String> idPaths, List<String> ids) {
        Optional<JsonNode> json = indexPaths.isEmpty() && idPaths.isEmpty() ? Optional.empty() : json(body);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = json.get();
        int items = ids.size();
        SortedMap<Integer, String> failed = new TreeMap<>();
        for (String path : indexPaths) {
            Optional<List<Hit>> hits = walk(root, path);
            if (hits.isEmpty()) {
                return Optional.empty();
            }
            boolean captured = CAPTURE.matcher(path).matches();
            for (Hit h : hits.get()) {
                JsonNode n = captured && DIGITS.matcher(h.node().asText()).matches()
                        ? IntNode.valueOf(Integer.parseInt(h.node().asText()))
                        : h.node();
                if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() >= items) {
                    // The answer does not describe this batch: trust none of it.
                    return Optional.empty();
                }
                add(failed, n.asInt(), h.reason(root));
            }
        }
        for (String path : idPaths) {
            Optional<List<Hit>> hits = walk(root, path);
            if (hits.isEmpty()) {
                return Optional.empty();
            }
            for (Hit h : hits.get()) {
                if (!h.node().isValueNode()
                        || h.node().isNull()
                        || !ids.contains(h.node().asText())) {
                    // An id no item of this batch has: the answer is about another batch.
                    return Optional.empty();
                }
                for (int i = 0; i < items; i++) {
                    if (h.node().asText().equals(ids.get(i))) {
                        add(failed, i, h.reason(root));
                    }
                }
            }
        }
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        failed.replaceAll((i, r) -> r.isEmpty() ? null : r);
        return Optional.of(failed);
    }

    /** The JSON of {@code text}; empty when it is null, blank or not JSON. */
    static Optional<JsonNode> json(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void add(SortedMap<Integer, String> failed, int index, String reason) {
        failed.merge(index, reason == null ? "" : reason, FailedIndexes::join);
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
        if (path == null) {
            return Optional.empty();
        }
        Matcher capture = CAPTURE.matcher(path);
        if (!capture.matches()) {
            return steps(root, path);
        }
        Pattern regex;
        try {
            regex = Pattern.compile(capture.group(2));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
        Optional<List<Hit>> texts = steps(root, capture.group(1));
        if (texts.isEmpty() || regex.matcher("").groupCount() < 1) {
            return Optional.empty();
        }
        List<Hit> values = new ArrayList<>();
        for (Hit h : texts.get()) {
            Matcher m = h.node().isTextual() ? regex.matcher(h.node().asText()) : null;
            if (m == null || !m.find() || m.group(1) == null) {
                return Optional.empty(); // a text that does not name an item: the answer is not about items
            }
            values.add(new Hit(TextNode.valueOf(m.group(1)), h.entry(), h.element()));
        }
        return Optional.of(values);
    }

    private static Optional<List<Hit>> steps(JsonNode root, String path) {
        if (!path.startsWith("$")) {
            return Optional.empty();
        }
        List<Hit> current = List.of(new Hit(root, root, null));
        int i = 1;
        while (i < path.length()) {
            List<Hit> next = new ArrayList<>();
            if (path.startsWith("[*]", i)) {
                current.forEach(h -> {
                    if (h.node().isArray()) {
                        h.node().forEach(e -> next.add(h.in(e)));
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
                            n.forEach(e -> next.add(h.in(e)));
                        }
                    } else if (n.isObject() && n.has(key)) {
                        next.add(new Hit(n.get(key), n, h.element()));
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
                    out.add(new Hit(IntNode.valueOf(i), array.get(i), array.get(i)));
                }
            }
        }
    }
}
