/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.tracking.support.ApiUnderTest;
import dev.switchboard.tracking.support.Http;
import dev.switchboard.tracking.support.TopicReader;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Health, readiness, metrics, client address, Segment's silent mode, the rate limit and graceful shutdown. */
class OperationsIT {

    private static final String TRACK = "{\"userId\":\"ops\",\"event\":\"Ops\"}";

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = Workspace.broker();

    private static TopicReader<RawCall> raw;

    @BeforeAll
    static void start() {
        Workspace.publish(KAFKA.bootstrapServers());
        raw = new TopicReader<>(KAFKA.bootstrapServers(), Topics.INGEST_RAW);
    }

    @AfterAll
    static void stop() {
        raw.close();
    }

    @BeforeEach
    void forgetEarlierRecords() {
        raw.skipToEnd();
    }

    @Test
    void shouldReportHealthReadinessAndMetricsWhenServing() {
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers())) {
            // Given
            assertThat(api.post("/v1/track", Workspace.WEB_KEY, TRACK).statusCode())
                    .isEqualTo(200);
            assertThat(api.post("/v1/track", Workspace.WEB_KEY, "{\"userId\":\"ops\"}")
                            .statusCode())
                    .isEqualTo(400);

            // When
            HttpResponse<String> health = api.send(api.request("/healthz").GET().build());
            HttpResponse<String> ready = api.send(api.request("/readyz").GET().build());
            HttpResponse<String> metrics =
                    api.send(api.request("/metrics").GET().build());

            // Then
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"kafka\":true", "\"config\":true");
            assertThat(api.app().ready()).isTrue();
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("switchboard_tracking_requests_total{path=\"/v1/track\",status=\"200\"} 1.0")
                    .contains("switchboard_tracking_requests_total{path=\"/v1/track\",status=\"400\"} 1.0")
                    .contains(
                            "switchboard_tracking_events_total{outcome=\"accepted\",reason=\"none\",source=\"web\"} 1.0")
                    .contains(
                            "switchboard_tracking_events_total{outcome=\"rejected\",reason=\"event_not_defined\",source=\"web\"} 1.0")
                    .contains("switchboard_tracking_ack_latency_seconds_bucket");
        }
    }

    @Test
    void shouldTakeTheClientFromXForwardedForWhenThePeerIsATrustedProxy() {
        TrackingApiConfig config =
                TrackingApiConfig.defaults().with(TrackingApiConfig.TRUSTED_PROXIES.key(), "127.0.0.1, 10.0.0.0/8");
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers(), config)) {
            // When: the client's own header entry is believed only up to the first untrusted hop
            HttpResponse<String> response = api.send(api.request("/v1/track")
                    .header("Authorization", Http.basic(Workspace.WEB_KEY))
                    .header("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 10.1.2.3")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRACK))
                    .build());

            // Then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(raw.take(1).get(0).value().getIp()).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void shouldIgnoreXForwardedForWhenNoProxyIsTrusted() {
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers())) {
            // When
            HttpResponse<String> response = api.send(api.request("/v1/track")
                    .header("Authorization", Http.basic(Workspace.WEB_KEY))
                    .header("X-Forwarded-For", "203.0.113.7")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRACK))
                    .build());

            // Then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(raw.take(1).get(0).value().getIp()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void shouldAnswerExpect100ContinueSoTheClientSendsItsBody() {
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers(), TrackingApiConfig.defaults())) {
            // Given: a client that waits for "100 Continue" before it sends the body (.NET, curl)
            java.net.http.HttpRequest request = api.request("/v1/track")
                    .expectContinue(true)
                    .timeout(java.time.Duration.ofSeconds(5))
                    .header("Authorization", Http.basic(Workspace.WEB_KEY))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRACK))
                    .build();

            // When
            HttpResponse<String> response = api.send(request);

            // Then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(raw.take(1)).hasSize(1);
        }
    }

    @Test
    void shouldAllowOnlyConfiguredOriginsWhenCorsOriginsAreSet() {
        TrackingApiConfig config =
                TrackingApiConfig.defaults().with(TrackingApiConfig.CORS_ORIGINS.key(), "https://shop.example");
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers(), config)) {
            // When
            HttpResponse<String> allowed = api.send(api.request("/v1/track")
                    .header("Origin", "https://shop.example")
                    .header("Authorization", Http.basic(Workspace.WEB_KEY))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRACK))
                    .build());
            HttpResponse<String> refused = api.send(api.request("/v1/track")
                    .header("Origin", "https://evil.example")
                    .header("Authorization", Http.basic(Workspace.WEB_KEY))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRACK))
                    .build());

            // Then
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("https://shop.example");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("\"code\":\"origin_not_allowed\"");
            assertThat(raw.take(1)).hasSize(1);
        }
    }

    @Test
    void shouldAnswer200AndDropWhenTheKeyIsUnknownInSegmentMode() {
        TrackingApiConfig config = TrackingApiConfig.defaults().with(TrackingApiConfig.UNKNOWN_WRITE_KEY.key(), "drop");
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers(), config)) {
            // When
            HttpResponse<String> unknown = api.post("/v1/track", "wk_unknown", TRACK);
            HttpResponse<String> disabled = api.post("/v1/track", Workspace.DISABLED_KEY, TRACK);

            // Then
            assertThat(unknown.statusCode()).isEqualTo(200);
            assertThat(unknown.body()).isEqualTo("{\"success\":true}");
            assertThat(disabled.statusCode()).isEqualTo(200);
            assertThat(api.post(
                                    "/v1/track",
                                    Workspace.WEB_KEY,
                                    "{\"userId\":\"ops\",\"event\":\"Marker\",\"messageId\":\"drop-marker\"}")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo("drop-marker");
            assertThat(api.send(api.request("/metrics").GET().build()).body())
                    .contains(
                            "switchboard_tracking_events_total{outcome=\"dropped\",reason=\"unknown_source\",source=\"unknown\"} 1.0")
                    .contains(
                            "switchboard_tracking_events_total{outcome=\"dropped\",reason=\"source_disabled\",source=\"unknown\"} 1.0");
        }
    }

    @Test
    void shouldAnswer429WithRetryHeadersWhenASourceExceedsItsRate() {
        TrackingApiConfig config = TrackingApiConfig.defaults()
                .with(TrackingApiConfig.RATE_LIMIT.key(), "1")
                .with(TrackingApiConfig.RATE_BURST.key(), "1");
        try (ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers(), config)) {
            // When: one token a second, far more requests than that
            HttpResponse<String> limited = null;
            for (int i = 0; i < 50 && limited == null; i++) {
                HttpResponse<String> r = api.post("/v1/track", Workspace.WEB_KEY, TRACK);
                if (r.statusCode() == 429) {
                    limited = r;
                }
            }

            // Then
            assertThat(limited).isNotNull();
            assertThat(limited.body()).contains("\"code\":\"rate_limited\"");
            assertThat(Long.parseLong(
                            limited.headers().firstValue("Retry-After").orElseThrow()))
                    .isPositive();
            assertThat(Long.parseLong(
                            limited.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                    .isPositive();
            // another source has its own bucket
            assertThat(api.post("/v1/track", Workspace.BACKEND_KEY, TRACK).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void shouldFinishInFlightRequestsAndRefuseNewOnesWhenClosing() throws Exception {
        ApiUnderTest api = new ApiUnderTest(KAFKA.bootstrapServers());
        String body = "{\"userId\":\"ops\",\"event\":\"In flight\",\"messageId\":\"in-flight-1\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(30_000);
            // Given: a request whose headers and half its body have arrived
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/track HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + Http.basic(Workspace.WEB_KEY)
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.app().ready());

            // When: close starts, and a new request arrives while it drains
            CompletableFuture<Void> closing = CompletableFuture.runAsync(api::close);
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.app().ready());
            HttpResponse<String> refused = api.send(api.request("/v1/track")
                    .header("Origin", "https://shop.example")
                    .header("Authorization", Http.basic(Workspace.WEB_KEY))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(TRACK))
                    .build());
            assertThat(closing).isNotDone();
            out.write(bytes, 10, bytes.length - 10);
            out.flush();
            String answer = readResponse(socket);
            closing.get(60, java.util.concurrent.TimeUnit.SECONDS);

            // Then
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")) // a page can read the 503
                    .hasValue("*");
            assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"success\":true}");
            assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo("in-flight-1");
        }
    }

    private static String readResponse(Socket socket) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!text.toString().contains("{\"success\":true}")
                && !text.toString().contains("\"code\"")) {
            int n = socket.getInputStream().read(buffer);
            if (n < 0) {
                break;
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
