/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.auth;

import dev.switchboard.ops.HttpReplies;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's one secret, a bearer token, and the browser sessions made from it. An API call
 * authenticates with {@code Authorization: Bearer <token>} or with the session cookie; a session lasts
 * {@code ttl}. A state-changing call made with the cookie must also carry the session's CSRF token in
 * {@value #CSRF_HEADER} (the cookie is {@code SameSite=Strict} and {@code HttpOnly} as well), so another site
 * cannot make a logged-in browser redrive or pause anything. Tokens are compared in constant time.
 */
public final class ConsoleAuth {

    /** The session cookie. */
    public static final String COOKIE = "sb_console";
    /** The header a cookie-authenticated POST must carry. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** The routing-context key of the request's session (absent for bearer calls). */
    static final String SESSION = "switchboard.console.session";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] token;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * One browser session.
     *
     * @param csrf the token its state-changing calls carry
     * @param expiresAt when it ends
     */
    public record Session(String csrf, Instant expiresAt) {}

    public ConsoleAuth(String token, Duration ttl, Clock clock) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A fresh random token, e.g. for dev mode. */
    public static String newToken() {
        return random(24);
    }

    /** Whether {@code candidate} is the token. */
    public boolean isToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a session for a caller who showed the token, setting its cookie on the response. */
    public Session login(RoutingContext ctx) {
        String id = random(32);
        Session s = new Session(random(24), clock.instant().plus(ttl));
        sessions.put(id, s);
        sessions.entrySet().removeIf(e -> e.getValue().expiresAt().isBefore(clock.instant()));
        ctx.response()
                .addCookie(Cookie.cookie(COOKIE, id)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT)
                        .setMaxAge(ttl.toSeconds()));
        ctx.put(SESSION, s);
        return s;
    }

    /** Ends the caller's session, if any, and clears its cookie. */
    public void logout(RoutingContext ctx) {
        Cookie c = ctx.request().getCookie(COOKIE);
        if (c != null) {
            sessions.remove(c.getValue());
        }
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
    }

    /** The caller's session, if its cookie names a live one. */
    public Session session(RoutingContext ctx) {
        Session s = ctx.get(SESSION);
        if (s != null) {
            return s;
        }
        Cookie c = ctx.request().getCookie(COOKIE);
        if (c == null) {
            return null;
        }
        s = sessions.get(c.getValue());
        if (s == null || s.expiresAt().isBefore(clock.instant())) {
            return null;
        }
        return s;
    }

    /**
     * The guard in front of every API route but login: 401 without a valid token or session (naming which
     * of the two failed), 403 for a cookie-authenticated state change without the session's CSRF token.
     */
    public void guard(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && isToken(authorization.substring(7).trim())) {
                ctx.next();
            } else {
                unauthorized(ctx, "invalid_token", "the bearer token is not the console's token");
            }
            return;
        }
        Cookie c = ctx.request().getCookie(COOKIE);
        if (c == null) {
            unauthorized(ctx, "unauthorized", "log in with the console token (Authorization: Bearer, or /login)");
            return;
        }
        Session s = sessions.get(c.getValue());
        if (s == null || s.expiresAt().isBefore(clock.instant())) {
            if (s != null) {
                sessions.remove(c.getValue());
            }
            unauthorized(ctx, "session_expired", "the session has ended: log in again");
            return;
        }
        HttpMethod m = ctx.request().method();
        boolean safe = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
        String csrf = ctx.request().getHeader(CSRF_HEADER);
        if (!safe
                && (csrf == null
                        || !MessageDigest.isEqual(
                                s.csrf().getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8)))) {
            HttpReplies.error(ctx, 403, "csrf", "missing or wrong " + CSRF_HEADER + " header", null);
            return;
        }
        ctx.put(SESSION, s);
        ctx.next();
    }

    private static void unauthorized(RoutingContext ctx, String code, String message) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"switchboard-console\"");
        HttpReplies.error(ctx, 401, code, message, null);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
