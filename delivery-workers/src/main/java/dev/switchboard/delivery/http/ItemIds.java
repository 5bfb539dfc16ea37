/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The id of each item of a batch as sent, read with {@code batching.partialFailure.itemId} (a path of
 * {@code $} and {@code .key} steps, e.g. HubSpot's {@code $.id}) from the item's JSON, so that an answer
 * naming failed items by id ({@code failedIds}) can be mapped to their positions. An item that is not
 * JSON, or whose path reaches no single scalar, has no id (null): no answer can name it.
 */
public final class ItemIds {

    private ItemIds() {}

    /** The id of each of {@code items} (null elements for items not known) at {@code path}, in order. */
    public static List<String> read(List<byte[]> items, String path) {
        List<String> ids = new ArrayList<>(items.size());
        for (byte[] item : items) {
            ids.add(path == null || item == null ? null : read(item, path));
        }
        return ids;
    }

    private static String read(byte[] item, String path) {
        Optional<List<JsonNode>> nodes = FailedIndexes.json(new String(item, StandardCharsets.UTF_8))
                .flatMap(root -> FailedIndexes.select(root, path));
        if (nodes.isEmpty() || nodes.get().size() != 1) {
            return null;
        }
        JsonNode id = nodes.get().get(0);
        return id.isValueNode() && !id.isNull() ? id.asText() : null;
    }
}
