/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.BatchSpec;
import dev.switchboard.schemas.JsonNumbers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Combines batch items into one body the way a {@link BatchSpec} says; a batch of one is a request's body. */
public final class BatchBodies {

    private static final ObjectMapper MAPPER = JsonNumbers.mapper(); // numbers as JavaScript writes them

    private BatchBodies() {}

    /** The body for {@code items} (each one JSON value) combined by {@code spec}'s format. */
    public static byte[] combine(BatchSpec spec, List<byte[]> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (spec.format()) {
            case JSON_ARRAY -> {
                out.write('[');
                for (int i = 0; i < items.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.writeBytes(items.get(i));
                }
                out.write(']');
            }
            case NDJSON ->
                items.forEach(item -> {
                    out.writeBytes(item);
                    out.write('\n');
                });
            case WRAPPED -> out.writeBytes(wrapped(spec, items));
        }
        return out.toByteArray();
    }

    private static byte[] wrapped(BatchSpec spec, List<byte[]> items) {
        try {
            ObjectNode wrapper = (ObjectNode) MAPPER.readTree(spec.wrapper());
            String[] path = spec.wrapperPath().split("\\.");
            ObjectNode parent = wrapper;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.with(path[i]);
            }
            ArrayNode array = parent.putArray(path[path.length - 1]);
            for (byte[] item : items) {
                array.add(MAPPER.readTree(item));
            }
            return MAPPER.writeValueAsBytes(wrapper);
        } catch (IOException e) {
            throw new UncheckedIOException("a batch item or wrapper is not JSON", e);
        }
    }
}
