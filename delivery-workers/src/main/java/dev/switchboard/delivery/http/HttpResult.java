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
 * @param body response body, truncated to {@link #MAX_BODY_CHARS}
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

    public HttpResult {
        headers = Map.copyOf(headers);
    }

    public static HttpResult response(int status, Map<String, String> headers, String body, Instant at, long ms) {
        return new HttpResult(status, headers, truncate(body), null, null, at, ms);
    }

    public static HttpResult failure(String errorClass, String error, Instant at, long ms) {
        return new HttpResult(null, Map.of(), null, errorClass, error, at, ms);
    }

    /** {@code text} cut to {@link #MAX_BODY_CHARS}. */
    public static String truncate(String text) {
        return text == null || text.length() <= MAX_BODY_CHARS ? text : text.substring(0, MAX_BODY_CHARS);
    }
}
