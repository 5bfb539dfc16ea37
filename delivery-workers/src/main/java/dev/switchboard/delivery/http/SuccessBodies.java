/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the verdict of a destination that answers 2xx while rejecting (Mixpanel's
 * {@code /engage?verbose=1}: {@code {"status": 0, "error": "..."}}) with the path syntax of
 * {@link FailedIndexes}: the answer is a success only when its body is JSON, the path reaches at least
 * one node, and every node it reaches equals one of the spec's values.
 */
public final class SuccessBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SuccessBodies() {}

    /** Whether {@code body} says success by {@code spec}. */
    public static boolean accepts(String body, SuccessBodySpec spec) {
        if (body == null || body.isBlank()) {
            return false;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return false;
        }
        if (root == null) {
            return false;
        }
        List<JsonNode> wanted = new ArrayList<>();
        for (String v : spec.getValues()) {
            try {
                wanted.add(JSON.readTree(v));
            } catch (IOException e) {
                return false; // the engine writes JSON texts; anything else cannot be matched
            }
        }
        Optional<List<JsonNode>> nodes = FailedIndexes.select(root, spec.getPath());
        return nodes.isPresent()
                && !nodes.get().isEmpty()
                && nodes.get().stream().allMatch(n -> wanted.stream().anyMatch(w -> same(w, n)));
    }

    /** Equal JSON values; numbers by value (1 = 1.0). */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}
