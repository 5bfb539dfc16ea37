/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

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
 */
public record BatchSpec(byte[] item, Format format, String wrapper, String wrapperPath, int maxEvents, int maxBytes) {

    /** How items are combined into one body. */
    public enum Format {
        JSON_ARRAY,
        NDJSON,
        WRAPPED
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
