/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.http;

import dev.switchboard.ops.HttpReplies;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Set;

/**
 * CORS as analytics.js needs it: its POSTs carry {@code Authorization} and so are preflighted; the
 * preflight must allow {@code authorization}, {@code content-type} and {@code x-retry-count}; every
 * answer, errors included, carries {@code Access-Control-Allow-Origin}; {@code Retry-After} and
 * {@code X-RateLimit-Reset} are exposed so the library can honour them. No credentials (cookies) are
 * involved, so {@code *} is a safe default, and it means any origin, as at Segment: also
 * {@code capacitor://localhost} and {@code ionic://localhost} (hybrid apps), browser extensions and
 * {@code null} (sandboxed frames), which Vert.x's own CORS handler refuses even when told "any".
 * With a list, an origin not on it gets 403 {@code origin_not_allowed}.
 */
public final class Cors implements Handler<RoutingContext> {

    static final String ALLOWED_METHODS = "GET, POST, OPTIONS";
    static final String ALLOWED_HEADERS = "authorization, content-type, content-encoding, x-retry-count, x-write-key";
    static final String EXPOSED_HEADERS = "Retry-After, X-RateLimit-Reset";
    static final String MAX_AGE_SECONDS = "86400";

    private final Set<String> allowedOrigins;

    private Cors(Set<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    /** A handler for {@code allowedOrigins} ({@code *} for any). */
    public static Cors handler(List<String> allowedOrigins) {
        return new Cors(allowedOrigins.contains("*") ? Set.of() : Set.copyOf(allowedOrigins));
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next(); // not a cross-origin browser request
            return;
        }
        HttpServerResponse response = ctx.response();
        if (allowedOrigins.isEmpty()) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else if (allowedOrigins.contains(origin)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.putHeader(HttpHeaders.VARY, "Origin");
        } else {
            HttpReplies.error(ctx, 403, "origin_not_allowed", "this origin may not call the API", null);
            return;
        }
        if (request.method() == HttpMethod.OPTIONS
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS)
                    .setStatusCode(204)
                    .end();
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        ctx.next();
    }
}
