/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's guard on a real Vert.x server on 127.0.0.1, with a clock the test moves: sessions end at
 * their time to live, the bearer token always works, cookie calls that change state need the CSRF token.
 */
class ConsoleAuthTest {

    private static final String TOKEN = "console-token-for-the-auth-test";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private int port;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        ConsoleAuth auth = new ConsoleAuth(TOKEN, Duration.ofHours(8), clock);
        Router router = Router.router(vertx);
        router.post("/login").handler(ctx -> ctx.end(auth.login(ctx).csrf()));
        router.route("/api/*").handler(auth::guard);
        router.route("/api/*").handler(ctx -> ctx.end("ok"));
        HttpServer server = vertx.createHttpServer().requestHandler(router);
        port = server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldEndASessionAtItsTimeToLive() throws Exception {
        HttpResponse<String> login = send("POST", "/login", Map.of());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict", "Max-Age=28800");

        clock.advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(send("GET", "/api/x", Map.of("Cookie", cookie)).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(2));
        HttpResponse<String> expired = send("GET", "/api/x", Map.of("Cookie", cookie));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("session_expired");
        // the token itself does not expire
        assertThat(send("GET", "/api/x", Map.of("Authorization", "Bearer " + TOKEN))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldRequireTheSessionsCsrfTokenForStateChangesMadeWithTheCookie() throws Exception {
        HttpResponse<String> login = send("POST", "/login", Map.of());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = login.body();

        assertThat(send("GET", "/api/x", Map.of("Cookie", cookie)).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/x", Map.of("Cookie", cookie)).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/x", Map.of("Cookie", cookie, "X-CSRF-Token", csrf + "x"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/x", Map.of("Cookie", cookie, "X-CSRF-Token", csrf))
                        .statusCode())
                .isEqualTo(200);
        // a bearer caller is not a browser: no cookie, no CSRF to guard against
        assertThat(send("POST", "/api/x", Map.of("Authorization", "Bearer " + TOKEN))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldNameWhatFailed() throws Exception {
        assertThat(send("GET", "/api/x", Map.of()).body()).contains("\"unauthorized\"");
        assertThat(send("GET", "/api/x", Map.of("Authorization", "Bearer " + TOKEN + "x"))
                        .body())
                .contains("\"invalid_token\"");
        assertThat(send("GET", "/api/x", Map.of("Authorization", "Basic " + TOKEN))
                        .body())
                .contains("\"invalid_token\"");
        assertThat(send("GET", "/api/x", Map.of("Cookie", "sb_console=made-up")).body())
                .contains("\"session_expired\"");
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
