/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.auth;

import io.vertx.ext.web.RoutingContext;

/**
 * The headers on every console response: a Content-Security-Policy that allows only the console's own
 * scripts and styles (no inline script, no eval, no other origin), no framing, no sniffing, no referrer (a
 * login URL carries the token), and no caching of API answers.
 */
public final class SecurityHeaders {

    /** The policy; event content is only ever set as text, and this stops any script that slipped in. */
    public static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void apply(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        if (ctx.request().path().startsWith("/api/") || ctx.request().path().startsWith("/login")) {
            ctx.response().putHeader("Cache-Control", "no-store");
        }
        ctx.next();
    }
}
