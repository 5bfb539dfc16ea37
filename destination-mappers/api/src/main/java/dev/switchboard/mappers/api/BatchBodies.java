/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.switchboard.schemas.JsonNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The one batch codec: combines batch items into one body the way a {@link BatchSpec.Format} says. The engine
 * uses it for a batch of one (a request's own body, and what the conformance checks compare) and delivery for
 * the batches it sends, so both write the same bytes.
 *
 * <p>Items are copied byte for byte, never parsed and written again: numbers stay as the mapper wrote them (as
 * JavaScript does) and text stays UTF-8. NDJSON ends every item, the last one too, with one {@code \n}.
 */
public final class BatchBodies {

    private static final ObjectMapper WRAPPER_JSON = JsonNumbers.mapper();

    private BatchBodies() {}

    /** The body for {@code items} (each one JSON value) combined by {@code spec}'s format. */
    public static byte[] combine(BatchSpec spec, List<byte[]> items) {
        return combine(spec.format(), spec.wrapper(), spec.wrapperPath(), items);
    }

    /**
     * The body for {@code items} combined as {@code format} says.
     *
     * @param wrapper for {@code WRAPPED}, the JSON object around the items
     * @param wrapperPath for {@code WRAPPED}, the dotted path in {@code wrapper} of the items' array
     * @throws IllegalArgumentException when a {@code WRAPPED} batch has no wrapper or path, or its wrapper is not
     *     a JSON object
     */
    public static byte[] combine(BatchSpec.Format format, String wrapper, String wrapperPath, List<byte[]> items) {
        return switch (format) {
            case JSON_ARRAY -> jsonArray(items);
            case NDJSON -> ndjson(items);
            case WRAPPED -> wrapped(wrapper, wrapperPath, items);
        };
    }

    private static byte[] jsonArray(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(items.get(i));
        }
        out.write(']');
        return out.toByteArray();
    }

    private static byte[] ndjson(List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] item : items) {
            int n = item.length;
            while (n > 0 && (item[n - 1] == '\n' || item[n - 1] == '\r')) {
                n--;
            }
            out.write(item, 0, n);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] wrapped(String wrapper, String wrapperPath, List<byte[]> items) {
        if (wrapper == null || wrapperPath == null || wrapperPath.isBlank()) {
            throw new IllegalArgumentException("a WRAPPED batch needs a wrapper and a wrapper path");
        }
        JsonNode root = read(wrapper);
        if (!(root instanceof ObjectNode parent)) {
            throw new IllegalArgumentException("a WRAPPED batch's wrapper is not a JSON object: " + wrapper);
        }
        ObjectNode top = parent;
        String[] path = wrapperPath.split("\\.");
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.get(path[i]) instanceof ObjectNode next ? next : parent.putObject(path[i]);
        }
        ArrayNode array = parent.putArray(path[path.length - 1]);
        for (byte[] item : items) {
            array.addRawValue(new RawValue(new String(item, StandardCharsets.UTF_8)));
        }
        try {
            return WRAPPER_JSON.writeValueAsBytes(top);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String wrapper) {
        try {
            return WRAPPER_JSON.readTree(wrapper);
        } catch (IOException e) {
            throw new IllegalArgumentException("a WRAPPED batch's wrapper is not JSON: " + e.getMessage(), e);
        }
    }
}
