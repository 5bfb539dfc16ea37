/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request for a destination.
 *
 * @param method HTTP method, upper case
 * @param url absolute URL
 * @param headers request headers (including auth and signatures)
 * @param body request body bytes
 * @param messageIds the events this request carries; never empty
 * @param idempotencyKey the key a destination can deduplicate by (the messageId for one event)
 * @param batchKey requests with equal non-null batch keys may be combined into one batch
 * @param batch how to combine this request with others of its batch key, or null for one event per call
 * @param successBody how a 2xx answer's body tells success, or null when every 2xx answer is one
 * @param lookup the read sent before this request, which then goes only when it finds a value (its
 *     {@link Lookup#MARKER} in the URL replaced by it), or null for a request sent as it is
 */
public record MappedRequest(
        String method,
        String url,
        Map<String, String> headers,
        byte[] body,
        List<String> messageIds,
        String idempotencyKey,
        String batchKey,
        BatchSpec batch,
        SuccessBody successBody,
        Lookup lookup) {

    /** A request whose every 2xx answer is a success, sent without a lookup first. */
    public MappedRequest(
            String method,
            String url,
            Map<String, String> headers,
            byte[] body,
            List<String> messageIds,
            String idempotencyKey,
            String batchKey,
            BatchSpec batch) {
        this(method, url, headers, body, messageIds, idempotencyKey, batchKey, batch, null, null);
    }

    public MappedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        messageIds = List.copyOf(messageIds);
        if (messageIds.isEmpty()) {
            throw new IllegalArgumentException("a request carries at least one messageId");
        }
        if (batch != null && batchKey == null) {
            throw new IllegalArgumentException("a batchable request needs a batchKey");
        }
        if (lookup != null && batch != null) {
            throw new IllegalArgumentException("a request with a lookup is sent alone, not batched");
        }
    }
}
