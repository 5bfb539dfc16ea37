/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * The JSON answers of the API. Errors are {@code {"code": "...", "message": "..."}} (plus
 * {@code field} when one field is at fault), the shape analytics-python reads.
 */
public final class HttpReplies {

    /** Segment's success body. */
    public static final String SUCCESS = "{\"success\":true}";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpReplies() {}

    /** Ends the response with a JSON body, unless it already ended (e.g. the client went away). */
    public static void json(RoutingContext ctx, int status, String body) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body);
    }

    public static void error(RoutingContext ctx, int status, String code, String message, String field) {
        json(ctx, status, errorBody(code, message, field));
    }

    /** 503 with {@code Retry-After}, for SDKs that retry 5xx. */
    public static void unavailable(RoutingContext ctx, Duration retryAfter, String message) {
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
        error(ctx, 503, "unavailable", message, null);
    }

    /** An error body as text. */
    public static String errorBody(String code, String message, String field) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", code);
        node.put("message", message);
        if (field != null) {
            node.put("field", field);
        }
        return node.toString();
    }
}
