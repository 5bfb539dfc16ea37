/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpVersion;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The sender against real servers on 127.0.0.1: a raw socket where the wire matters, else Vert.x. */
class HttpSenderTest {

    private static final byte[] BODY = "{\"messageId\":\"m1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldTimeOutWhenTheBodyStallsAfterTheHeaders() throws Exception {
        // Given: a server on 127.0.0.1 that sends its headers and 3 of the 100 bytes it announced, then stalls
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                HttpSender sender = new HttpSender("stall", Duration.ofSeconds(2), Duration.ofMillis(500), 4)) {
            Thread serving = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    release.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // the test ends the connection
                }
            });
            serving.start();
            HttpCall call = new HttpCall(
                    "POST", "http://127.0.0.1:" + server.getLocalPort() + "/in", Map.of(), new byte[] {'{', '}'});

            // When
            HttpResult result = sender.send(call).get(10, TimeUnit.SECONDS);

            // Then: a timeout, retried like any other, within about the request timeout
            assertThat(result.status()).isNull();
            assertThat(result.errorClass()).isEqualTo("timeout");
            assertThat(result.latencyMs()).isLessThan(5_000);
            release.countDown();
            serving.join(5_000);
        }
    }

    @Test
    void shouldTimeOutWhenNoAnswerComesAtAll() throws Exception {
        // Given a server that reads the request and never answers
        try (LocalServer server = LocalServer.http(req -> {});
                HttpSender sender = new HttpSender("silent", Duration.ofSeconds(2), Duration.ofMillis(300), 4)) {
            // When
            HttpResult result = sender.send(post(server.url("/in"), Map.of())).get(10, TimeUnit.SECONDS);

            // Then
            assertThat(result.errorClass()).isEqualTo("timeout");
            assertThat(result.latencyMs()).isBetween(250L, 5_000L);
        }
    }

    @Test
    void shouldSendHeadersAndBodyAndReturnStatusHeadersAndBodyWhenTheServerAnswers() throws Exception {
        // Given
        try (LocalServer server = LocalServer.http(req -> req.response()
                        .setStatusCode(429)
                        .putHeader("Retry-After", "2")
                        .putHeader("X-Request-Id", "r-1")
                        .end("{\"error\":\"slow down\"}"));
                HttpSender sender = new HttpSender("echo", Duration.ofSeconds(2), Duration.ofSeconds(5), 4)) {
            Map<String, String> headers = Map.of(
                    "Content-Type", "application/json",
                    "Authorization", "Bearer t0k",
                    "Idempotency-Key", "m1",
                    "Host", "evil.example",
                    "Content-Length", "1");

            // When
            HttpResult result =
                    sender.send(post(server.url("/hook?x=1&y=%20"), headers)).get(10, TimeUnit.SECONDS);

            // Then the answer is returned as it came
            assertThat(result.status()).isEqualTo(429);
            assertThat(result.headers()).containsEntry("retry-after", "2").containsEntry("x-request-id", "r-1");
            assertThat(result.body()).isEqualTo("{\"error\":\"slow down\"}");
            assertThat(StatusTable.classify(result).errorClass()).isEqualTo("http_429");
            // and the request carried the mapper's headers, with Host and Content-Length set by the client
            LocalServer.Seen seen = server.seen().get(0);
            assertThat(seen.method()).isEqualTo("POST");
            assertThat(seen.uri()).isEqualTo("/hook?x=1&y=%20");
            assertThat(seen.body()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
            assertThat(seen.headers().get("Authorization")).isEqualTo("Bearer t0k");
            assertThat(seen.headers().get("Idempotency-Key")).isEqualTo("m1");
            assertThat(seen.headers().get("Host"))
                    .isEqualTo("127.0.0.1:" + server.url("").split(":")[2]);
            assertThat(seen.headers().get("Content-Length")).isEqualTo(Integer.toString(BODY.length));
            assertThat(seen.version()).isEqualTo(HttpVersion.HTTP_1_1);
        }
    }

    @Test
    void shouldReuseAtMostMaxConnectionsKeepAliveConnectionsWhenManyCallsAreInFlight() throws Exception {
        // Given
        try (LocalServer server = LocalServer.http(req -> req.response().end("ok"));
                HttpSender sender = new HttpSender("pool", Duration.ofSeconds(2), Duration.ofSeconds(5), 4)) {
            // When 400 calls are sent, 16 at a time
            for (int round = 0; round < 25; round++) {
                List<CompletableFuture<HttpResult>> calls = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(sender.send(post(server.url("/p"), Map.of())));
                }
                for (CompletableFuture<HttpResult> c : calls) {
                    assertThat(c.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
                }
            }

            // Then they went over no more than the pool's 4 connections
            assertThat(server.seen()).hasSize(400);
            assertThat(server.connections()).isBetween(1, 4);
        }
    }

    @Test
    void shouldReadA2xxBodyAsFarAsAnErrorBodyAndCutBothAtTheReadLimit() throws Exception {
        // Given answers of 100 KB (a 200 or 207 may name the failed items of a batch too)
        String big = "x".repeat(100_000);
        try (LocalServer server = LocalServer.http(req -> req.response()
                        .setStatusCode(req.path().equals("/ok") ? 200 : 400)
                        .end(big));
                HttpSender sender = new HttpSender("big", Duration.ofSeconds(2), Duration.ofSeconds(5), 4)) {
            // When
            HttpResult ok = sender.send(post(server.url("/ok"), Map.of())).get(10, TimeUnit.SECONDS);
            HttpResult bad = sender.send(post(server.url("/bad"), Map.of())).get(10, TimeUnit.SECONDS);

            // Then
            assertThat(ok.body()).isEqualTo(big);
            assertThat(bad.body()).isEqualTo(big);
            String huge = "y".repeat(HttpResult.MAX_READ_CHARS + 10);
            assertThat(HttpResult.response(200, Map.of(), huge, ok.startedAt(), 1)
                            .body())
                    .hasSize(HttpResult.MAX_READ_CHARS);
        }
    }

    @Test
    void shouldRefuseToSendWhenTheUrlMethodOrAHeaderIsInvalid() throws Exception {
        try (LocalServer server = LocalServer.http(req -> req.response().end("ok"));
                HttpSender sender = new HttpSender("bad", Duration.ofSeconds(2), Duration.ofSeconds(5), 4)) {
            List<HttpCall> invalid = List.of(
                    new HttpCall("POST", "ftp://127.0.0.1/x", Map.of(), BODY),
                    new HttpCall("POST", "not a url", Map.of(), BODY),
                    new HttpCall("POST", "http:///nohost", Map.of(), BODY),
                    new HttpCall("PO ST", server.url("/x"), Map.of(), BODY),
                    new HttpCall("POST", server.url("/x"), Map.of("X-Bad", "a\r\nX-Injected: 1"), BODY),
                    new HttpCall("POST", server.url("/x"), Map.of("Bad Name", "v"), BODY));
            for (HttpCall call : invalid) {
                HttpResult result = sender.send(call).get(10, TimeUnit.SECONDS);
                assertThat(result.errorClass()).as(call.toString()).isEqualTo("invalid_request");
                assertThat(StatusTable.classify(result).statusClass()).isEqualTo(StatusClass.FATAL);
            }
            assertThat(server.seen()).isEmpty();
        }
    }

    @Test
    void shouldClassifyAConnectionRefusedAsConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HttpSender sender = new HttpSender("refused", Duration.ofSeconds(2), Duration.ofSeconds(5), 4)) {
            HttpResult result = sender.send(post("http://127.0.0.1:" + port + "/x", Map.of()))
                    .get(10, TimeUnit.SECONDS);
            assertThat(result.errorClass()).isEqualTo("connect");
            assertThat(StatusTable.classify(result).statusClass()).isEqualTo(StatusClass.RETRYABLE);
        }
    }

    @Test
    void shouldClassifyATimeoutOfTheWholeExchangeAsTimeout() {
        assertThat(HttpSender.failure(new TimeoutException(), Instant.now(), 1).errorClass())
                .isEqualTo("timeout");
        assertThat(HttpSender.failure(new io.netty.channel.ConnectTimeoutException(), Instant.now(), 1)
                        .errorClass())
                .isEqualTo("connect_timeout");
    }

    private static HttpCall post(String url, Map<String, String> headers) {
        return new HttpCall("POST", url, headers, BODY);
    }
}
