/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import java.util.Map;
import java.util.Objects;

/**
 * One HTTP call to make: what a single request or an assembled batch becomes.
 *
 * @param method HTTP method, e.g. POST
 * @param url absolute URL
 * @param headers headers exactly as the mapper set them (plus Idempotency-Key for single events)
 * @param body request body
 */
public record HttpCall(String method, String url, Map<String, String> headers, byte[] body) {

    public HttpCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }
}
