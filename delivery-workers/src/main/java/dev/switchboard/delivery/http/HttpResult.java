/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import java.time.Instant;
import java.util.Map;

/**
 * What one call returned: a status with headers and a (truncated) body, or an error.
 *
 * @param status HTTP status, null when no response arrived
 * @param headers response headers (first value of each, lower-case names)
 * @param body response body, truncated to {@link #MAX_READ_CHARS} (enough to read which items of a batch
 *     failed, from an error answer or from a 2xx such as Pinterest's 200 or Customer.io's 207); records keep
 *     {@link #MAX_BODY_CHARS}
 * @param errorClass {@code timeout}, {@code connect_timeout}, {@code connect} or {@code io} when no response arrived
 * @param error the error message when no response arrived
 * @param startedAt when the call was sent
 * @param latencyMs how long it took
 */
public record HttpResult(
        Integer status,
        Map<String, String> headers,
        String body,
        String errorClass,
        String error,
        Instant startedAt,
        long latencyMs) {

    /** Response bodies kept in outcomes and dead letters are cut to 8 KB. */
    public static final int MAX_BODY_CHARS = 8 * 1024;

    /** Response bodies are read up to 1 M chars, so a long list of failed batch items can be parsed. */
    public static final int MAX_READ_CHARS = 1024 * 1024;

    public HttpResult {
        headers = Map.copyOf(headers);
    }

    public static HttpResult response(int status, Map<String, String> headers, String body, Instant at, long ms) {
        // Any answer may name the failed items of a batch, a success too (batching.partialFailure.status).
        return new HttpResult(status, headers, cut(body, MAX_READ_CHARS), null, null, at, ms);
    }

    public static HttpResult failure(String errorClass, String error, Instant at, long ms) {
        return new HttpResult(null, Map.of(), null, errorClass, error, at, ms);
    }

    /** {@code text} cut to {@link #MAX_BODY_CHARS}. */
    public static String truncate(String text) {
        return cut(text, MAX_BODY_CHARS);
    }

    /** {@code text} cut to {@code max} characters; null stays null. */
    public static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
