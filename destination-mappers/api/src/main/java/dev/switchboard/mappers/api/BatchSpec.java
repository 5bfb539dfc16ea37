/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.List;
import java.util.Objects;

/**
 * How a request may be combined with others of the same batch key into one call. The delivery worker
 * builds the batch body from the items: a JSON array, NDJSON lines, or the items array placed at
 * {@code wrapperPath} inside {@code wrapper}.
 *
 * @param item this request's element of a batch
 * @param format how items are combined
 * @param wrapper for {@link Format#WRAPPED}: the batch body as JSON text (its array at wrapperPath is replaced)
 * @param wrapperPath for {@link Format#WRAPPED}: dotted path of the items array, e.g. {@code events}
 * @param maxEvents most items in one call
 * @param maxBytes most body bytes in one call
 * @param partialFailure how the destination reports the failed items of a batch, or null when it does not
 */
public record BatchSpec(
        byte[] item,
        Format format,
        String wrapper,
        String wrapperPath,
        int maxEvents,
        int maxBytes,
        PartialFailure partialFailure) {

    /** How items are combined into one body. */
    public enum Format {
        JSON_ARRAY,
        NDJSON,
        WRAPPED
    }

    /** What the items of a partially failed batch that the answer does not name became. */
    public enum Others {
        /** The destination took them: they are delivered. */
        DELIVERED,
        /** The destination rejected the whole batch: they are retried. */
        RETRY
    }

    /**
     * How a destination reports which items of a batch failed: when an answer has one of {@code statuses}
     * and its JSON body yields indexes at {@code failedIndexes}, or ids at {@code failedIds} that match the
     * ids {@code itemId} reads from the items as sent, those items are dead-lettered and the others become
     * what {@code others} says.
     *
     * @param statuses HTTP statuses whose answer may name failed items: errors, or a 2xx for a vendor that
     *     answers a partial failure with a success (the items not named are then delivered)
     * @param failedIndexes paths into the response JSON ({@code $}, {@code .key}, {@code .*}, {@code [*]},
     *     and a last {@code [?key=value]} for the positions of the elements whose key is value, or a last
     *     {@code ~ /regex/} whose first group, found in a reached text, is the index) giving 0-based item
     *     indexes; may be empty when {@code failedIds} names the items
     * @param others what the items not named became
     * @param itemId path into each item as sent ({@code $} and {@code .key} steps) giving its id, or null
     * @param failedIds paths into the response JSON (as {@code failedIndexes}, without a filter) giving the
     *     ids of failed items; needs {@code itemId}
     */
    public record PartialFailure(
            List<Integer> statuses, List<String> failedIndexes, Others others, String itemId, List<String> failedIds) {

        public PartialFailure {
            statuses = List.copyOf(statuses);
            failedIndexes = List.copyOf(failedIndexes);
            failedIds = List.copyOf(failedIds);
            Objects.requireNonNull(others, "others");
            if (statuses.isEmpty() || (failedIndexes.isEmpty() && failedIds.isEmpty())) {
                throw new IllegalArgumentException("a partial failure needs statuses and failedIndexes or failedIds");
            }
            if (!failedIds.isEmpty() && itemId == null) {
                throw new IllegalArgumentException("failedIds needs itemId: the path of each item's id");
            }
        }

        /** A partial failure whose answer names the failed items by position only. */
        public PartialFailure(List<Integer> statuses, List<String> failedIndexes, Others others) {
            this(statuses, failedIndexes, others, null, List.of());
        }
    }

    /** A batch spec whose destination does not report failures per item. */
    public BatchSpec(byte[] item, Format format, String wrapper, String wrapperPath, int maxEvents, int maxBytes) {
        this(item, format, wrapper, wrapperPath, maxEvents, maxBytes, null);
    }

    public BatchSpec {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(format, "format");
        if (format == Format.WRAPPED && (wrapper == null || wrapperPath == null)) {
            throw new IllegalArgumentException("a WRAPPED batch needs wrapper and wrapperPath");
        }
        if (maxEvents < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("maxEvents and maxBytes must be positive");
        }
    }
}
