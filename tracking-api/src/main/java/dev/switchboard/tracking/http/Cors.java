/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Set;

/**
 * CORS as analytics.js needs it: its POSTs carry {@code Authorization} and so are preflighted; the
 * preflight must allow {@code authorization}, {@code content-type} and {@code x-retry-count}; every
 * answer, errors included, carries {@code Access-Control-Allow-Origin}; {@code Retry-After} and
 * {@code X-RateLimit-Reset} are exposed so the library can honour them. No credentials (cookies) are
 * involved, so {@code *} is a safe default.
 */
public final class Cors {

    private Cors() {}

    /** A handler for {@code allowedOrigins} ({@code *} for any). */
    public static CorsHandler handler(List<String> allowedOrigins) {
        CorsHandler cors = CorsHandler.create();
        if (!allowedOrigins.contains("*")) {
            allowedOrigins.forEach(cors::addOrigin);
        }
        return cors.allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
                .allowedHeaders(
                        Set.of("authorization", "content-type", "content-encoding", "x-retry-count", "x-write-key"))
                .exposedHeaders(Set.of("Retry-After", "X-RateLimit-Reset"))
                .maxAgeSeconds(86400);
    }
}
