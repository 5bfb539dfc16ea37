/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.tracking.support.Http;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every JavaScript SDK works unmodified: the exact requests of analytics-node 3.x, analytics-next
 * (browser, including its settings fetch and CORS) and rudder-sdk-node (gzip under a form content
 * type), as segment-spec.md §8 captured them and their open-source code builds them.
 */
class JavaScriptSdksIT extends ApiIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_ORIGIN = "http://localhost:3000";

    @Test
    void shouldAcceptTheRequestOfAnalyticsNodeWhenReplayedAsIs() {
        // Given: publisher.ts: POST /v1/batch, Basic auth, JSON, {batch, writeKey, sentAt}, _metadata per event
        String body = "{\"batch\":[{\"userId\":\"node-1\",\"event\":\"Order Completed\",\"properties\":{\"total\":30},"
                + "\"type\":\"track\",\"messageId\":\"node-next-1732492800000-5f1e2a3b\","
                + "\"timestamp\":\"2024-11-25T00:00:00.000Z\",\"context\":{\"library\":{\"name\":\"@segment/analytics-node\","
                + "\"version\":\"3.1.0\"}},\"integrations\":{},\"_metadata\":{\"jsRuntime\":\"node\"}}],"
                + "\"writeKey\":\"wk_backend_456\",\"sentAt\":\"2024-11-25T00:00:01.000Z\"}";
        HttpRequest request = api.request("/v1/batch")
                .header("Content-Type", "application/json")
                .header("Authorization", Http.basic(Workspace.BACKEND_KEY))
                .header("User-Agent", "analytics-node-next/latest")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        // When
        HttpResponse<String> response = api.send(request);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"success\":true}");
        RawCall call = raw.take(1).get(0).value();
        assertThat(call.getSourceId()).isEqualTo("backend");
        assertThat(call.getMessageId()).isEqualTo("node-next-1732492800000-5f1e2a3b");
        assertThat(call.getSentAt()).isEqualTo("2024-11-25T00:00:01.000Z");
        assertThat(call.getUserAgent()).isEqualTo("analytics-node-next/latest");
        assertThat(parse(call.getPayload()).at("/_metadata/jsRuntime").asText()).isEqualTo("node");
    }

    @Test
    void shouldAcceptTheGzippedFormTypedRequestOfRudderWhenReplayedAsIs() {
        // Given: Basic only, Content-Type x-www-form-urlencoded, gzip, originalTimestamp and no timestamp
        String body = "{\"batch\":[{\"type\":\"identify\",\"userId\":\"rudder-1\",\"traits\":{\"plan\":\"pro\"},"
                + "\"originalTimestamp\":\"2024-11-25T00:00:00.000Z\",\"messageId\":\"rudder-msg-1\","
                + "\"context\":{\"library\":{\"name\":\"analytics-node\",\"version\":\"3.0.13\"}}}],"
                + "\"timestamp\":\"2024-11-25T00:00:01.000Z\",\"sentAt\":\"2024-11-25T00:00:01.000Z\"}";
        HttpRequest request = api.request("/v1/batch")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Content-Encoding", "gzip")
                .header("Authorization", Http.basic(Workspace.BACKEND_KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.gzip(body)))
                .build();

        // When
        HttpResponse<String> response = api.send(request);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        RawCall call = raw.take(1).get(0).value();
        assertThat(call.getMessageId()).isEqualTo("rudder-msg-1");
        assertThat(parse(call.getPayload()).get("originalTimestamp").asText()).isEqualTo("2024-11-25T00:00:00.000Z");
    }

    @Test
    void shouldServeSettingsThatPointAnalyticsNextHereWhenTheBrowserLoads() {
        // Given: analytics-next fetches {cdnURL}/v1/projects/{writeKey}/settings, a simple CORS GET
        HttpRequest request = api.request("/v1/projects/" + Workspace.WEB_KEY + "/settings")
                .header("Origin", PAGE_ORIGIN)
                .GET()
                .build();

        // When
        HttpResponse<String> response = api.send(request);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        JsonNode settings = parse(response.body());
        JsonNode segment = settings.at("/integrations/Segment.io");
        assertThat(segment.get("apiKey").asText()).isEqualTo(Workspace.WEB_KEY);
        assertThat(segment.get("apiHost").asText()).isEqualTo("127.0.0.1:" + api.port() + "/v1");
        assertThat(segment.get("protocol").asText()).isEqualTo("http");
        assertThat(settings.at("/metrics/sampleRate").asInt()).isZero();
    }

    @Test
    void shouldAnswerUnknownKeysWith404WhenTheBrowserAsksForSettings() {
        // When
        HttpResponse<String> response = api.send(api.request("/v1/projects/nope/settings")
                .header("Origin", PAGE_ORIGIN)
                .GET()
                .build());

        // Then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(parse(response.body()).get("code").asText()).isEqualTo("unknown_source");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void shouldAllowThePreflightOfAnalyticsNextWhenItSendsAuthorization() {
        // Given
        HttpRequest preflight = api.request("/v1/t")
                .header("Origin", PAGE_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,x-retry-count")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();

        // When
        HttpResponse<String> response = api.send(preflight);

        // Then
        assertThat(response.statusCode()).isBetween(200, 204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        String allowed = response.headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElse("")
                .toLowerCase();
        assertThat(allowed).contains("authorization", "content-type", "x-retry-count");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
                .contains("POST");
    }

    @Test
    void shouldAcceptEachShortPathCallOfAnalyticsNextWhenPostedAsTextPlain() {
        // Given: normalize.ts adds writeKey, sentAt, context.library, _metadata; fetch-dispatcher posts text/plain
        Map<String, String> calls = Map.of(
                "/v1/t", "{\"event\":\"Clicked\",\"type\":\"track\",\"properties\":{}",
                "/v1/p", "{\"type\":\"page\",\"name\":\"Home\",\"properties\":{\"path\":\"/\"}",
                "/v1/i", "{\"type\":\"identify\",\"userId\":\"browser-user\",\"traits\":{}",
                "/v1/s", "{\"type\":\"screen\",\"name\":\"Main\",\"properties\":{}",
                "/v1/g", "{\"type\":\"group\",\"groupId\":\"g-1\",\"traits\":{}",
                "/v1/a", "{\"type\":\"alias\",\"userId\":\"browser-user\",\"previousId\":\"ajs-anon-1\"");
        for (var call : calls.entrySet()) {
            String body = call.getValue() + ",\"anonymousId\":\"ajs-anon-1\",\"messageId\":\"ajs-next-" + call.getKey()
                    + "\",\"timestamp\":\"2024-11-25T00:00:00.000Z\",\"context\":{\"page\":{\"path\":\"/\"},"
                    + "\"userAgent\":\"Mozilla/5.0\",\"locale\":\"en-US\",\"library\":{\"name\":\"analytics.js\","
                    + "\"version\":\"next-1.84.3\"}},\"integrations\":{},\"writeKey\":\"wk_web_123\","
                    + "\"sentAt\":\"2024-11-25T00:00:00.010Z\",\"_metadata\":{\"bundled\":[\"Segment.io\"],"
                    + "\"unbundled\":[],\"bundledIds\":[]}}";

            // When
            HttpResponse<String> response = api.send(browserPost(call.getKey(), body));

            // Then
            assertThat(response.statusCode()).as(call.getKey()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .isPresent();
            RawCall recorded = raw.take(1).get(0).value();
            assertThat(recorded.getMessageId()).isEqualTo("ajs-next-" + call.getKey());
            assertThat(recorded.getPath()).isEqualTo(call.getKey());
        }
    }

    @Test
    void shouldAnswerEveryOriginWhenAnyIsAllowedAsSegmentDoes() {
        // Given: analytics-next in a hybrid app, a browser extension and a sandboxed frame
        for (String origin : List.of(
                "capacitor://localhost",
                "ionic://localhost",
                "moz-extension://abc",
                "chrome-extension://abc",
                "null")) {
            HttpRequest preflight = api.request("/v1/t")
                    .header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpRequest post = api.request("/v1/t")
                    .header("Content-Type", "text/plain")
                    .header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"track\",\"event\":\"Opened\","
                            + "\"anonymousId\":\"a-1\",\"messageId\":\"any-origin-" + origin.hashCode()
                            + "\",\"writeKey\":\"wk_web_123\"}"))
                    .build();

            // When
            HttpResponse<String> allowed = api.send(preflight);
            HttpResponse<String> sent = api.send(post);

            // Then
            assertThat(allowed.statusCode()).as(origin).isEqualTo(204);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(origin)
                    .hasValue("*");
            assertThat(sent.statusCode()).as(origin).isEqualTo(200);
            assertThat(sent.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(origin)
                    .hasValue("*");
            assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo("any-origin-" + origin.hashCode());
        }
    }

    @Test
    void shouldAcceptAnalyticsNextCallsWhenOnlyTheBodyCarriesTheWriteKey() {
        // Given: fetch-dispatcher.ts of earlier releases: text/plain, no Authorization, so no preflight
        String body = "{\"type\":\"track\",\"event\":\"Signed Up\",\"anonymousId\":\"ajs-anon-3\","
                + "\"messageId\":\"ajs-next-body-key\",\"writeKey\":\"wk_web_123\",\"sentAt\":\"2024-11-25T00:00:00.030Z\"}";
        HttpRequest request = api.request("/v1/t")
                .header("Content-Type", "text/plain")
                .header("Origin", PAGE_ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        // When
        HttpResponse<String> response = api.send(request);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        RawCall call = raw.take(1).get(0).value();
        assertThat(call.getMessageId()).isEqualTo("ajs-next-body-key");
        assertThat(call.getSourceId()).isEqualTo("web");
        assertThat(call.getPayload()).doesNotContain("wk_web_123");
    }

    @Test
    void shouldAcceptTheBatchingModeOfAnalyticsNextWhenPostedToSlashB() {
        // Given: batched-dispatcher.ts: {writeKey, batch (events without sentAt), sentAt}
        String body = "{\"writeKey\":\"wk_web_123\",\"batch\":[{\"type\":\"track\",\"event\":\"One\","
                + "\"anonymousId\":\"ajs-anon-2\",\"messageId\":\"ajs-b-1\",\"writeKey\":\"wk_web_123\"},"
                + "{\"type\":\"page\",\"anonymousId\":\"ajs-anon-2\",\"messageId\":\"ajs-b-2\","
                + "\"writeKey\":\"wk_web_123\"}],\"sentAt\":\"2024-11-25T00:00:00.020Z\"}";

        // When
        HttpResponse<String> response = api.send(browserPost("/v1/b", body));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        List<ConsumerRecord<String, RawCall>> records = raw.take(2);
        assertThat(records).extracting(r -> r.value().getMessageId()).containsExactly("ajs-b-1", "ajs-b-2");
        assertThat(records).allSatisfy(r -> assertThat(r.value().getSentAt()).isEqualTo("2024-11-25T00:00:00.020Z"));
    }

    @Test
    void shouldLetTheBrowserReadErrorsWhenACallIsRejected() {
        // When
        HttpResponse<String> response =
                api.send(browserPost("/v1/t", "{\"type\":\"track\",\"writeKey\":\"wk_web_123\"}"));

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(response.headers()
                        .firstValue("Access-Control-Expose-Headers")
                        .orElse("")
                        .toLowerCase())
                .contains("retry-after", "x-ratelimit-reset");
        assertThat(parse(response.body()).get("code").asText()).isEqualTo("no_user_anon_id");
    }

    private static HttpRequest browserPost(String path, String body) {
        return api.request(path)
                .header("Content-Type", "text/plain")
                .header("Origin", PAGE_ORIGIN)
                .header("Authorization", Http.basic(Workspace.WEB_KEY))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static JsonNode payload(ConsumerRecord<String, RawCall> record) {
        return parse(record.value().getPayload());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
