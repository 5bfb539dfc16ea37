/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.schemas.JsonNumbers;
import java.io.UncheckedIOException;

/** The router's one JSON mapper. */
public final class Json {

    /**
     * The limits the tracking API enforces already ({@link dev.switchboard.schemas.JsonLimits}), so no
     * accepted event trips them; decimals written as JavaScript writes them ({@link JsonNumbers}).
     */
    public static final ObjectMapper MAPPER = JsonNumbers.mapper();

    private Json() {}

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a field when it is a non-empty string, else null. */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }
}
