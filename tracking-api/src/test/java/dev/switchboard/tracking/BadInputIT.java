/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.tracking.support.ApiUnderTest;
import dev.switchboard.tracking.support.Http;
import dev.switchboard.tracking.support.TopicReader;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input gets its status and a JSON {@code {code, message}}, and writes nothing:
 * after each case a marker call must be the very next record on {@code sb.ingest.raw}.
 */
class BadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = Workspace.WEB_KEY;

    private static EmbeddedKafka kafka;
    private static ApiUnderTest api;
    private static TopicReader<RawCall> raw;
    private static TopicReader<Rejected> rejected;

    @BeforeAll
    static void start() {
        kafka = Workspace.startBroker();
        api = new ApiUnderTest(kafka.bootstrapServers());
        raw = new TopicReader<>(kafka.bootstrapServers(), Topics.INGEST_RAW);
        rejected = new TopicReader<>(kafka.bootstrapServers(), Topics.REJECTED);
    }

    @AfterAll
    static void stop() {
        rejected.close();
        raw.close();
        api.close();
        kafka.close();
    }

    @BeforeEach
    void forgetEarlierRecords() {
        raw.skipToEnd();
    }

    @AfterEach
    void nothingElseWasWritten() {
        String marker = "marker-" + System.nanoTime();
        assertThat(api.post(
                                "/v1/track",
                                KEY,
                                "{\"userId\":\"m\",\"event\":\"Marker\",\"messageId\":\"" + marker + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo(marker);
    }

    static Stream<Arguments> badRequests() {
        String big = "x".repeat(33 * 1024);
        return Stream.of(
                bad("malformed JSON", "/v1/track", KEY, "{\"userId\": \"u\", \"event\": ", 400, "bad_request", null),
                bad("JSON array", "/v1/track", KEY, "[{\"userId\":\"u\",\"event\":\"E\"}]", 400, "bad_request", null),
                bad("JSON string", "/v1/track", KEY, "\"hello\"", 400, "bad_request", null),
                bad("empty body", "/v1/track", KEY, "", 400, "bad_request", null),
                bad(
                        "trailing garbage",
                        "/v1/track",
                        KEY,
                        "{\"userId\":\"u\",\"event\":\"E\"} x",
                        400,
                        "bad_request",
                        null),
                bad(
                        "no write key",
                        "/v1/track",
                        null,
                        "{\"userId\":\"u\",\"event\":\"E\"}",
                        401,
                        "unknown_source",
                        "writeKey"),
                bad(
                        "unknown write key",
                        "/v1/track",
                        "wk_nope",
                        "{\"userId\":\"u\",\"event\":\"E\"}",
                        401,
                        "unknown_source",
                        "writeKey"),
                bad(
                        "disabled source",
                        "/v1/track",
                        Workspace.DISABLED_KEY,
                        "{\"userId\":\"u\",\"event\":\"E\"}",
                        403,
                        "source_disabled",
                        "writeKey"),
                bad(
                        "call over 32 KB",
                        "/v1/track",
                        KEY,
                        "{\"userId\":\"u\",\"event\":\"" + big + "\"}",
                        400,
                        "payload_too_large",
                        null),
                bad(
                        "batch over 500 KB",
                        "/v1/batch",
                        KEY,
                        batchOf(16, "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"" + big + "\"}"),
                        400,
                        "payload_too_large",
                        null),
                bad(
                        "more than 2500 events",
                        "/v1/batch",
                        KEY,
                        batchOf(2501, "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"E\"}"),
                        400,
                        "batch_too_large",
                        "batch"),
                bad("batch not an array", "/v1/batch", KEY, "{\"batch\":{}}", 400, "bad_request", "batch"),
                bad("batch missing", "/v1/import", KEY, "{\"userId\":\"u\"}", 400, "bad_request", "batch"),
                bad("empty batch", "/v1/batch", KEY, "{\"batch\":[]}", 400, "empty_batch", "batch"),
                bad(
                        "batch context not an object",
                        "/v1/batch",
                        KEY,
                        "{\"batch\":[{}],\"context\":1}",
                        400,
                        "bad_request",
                        "context"),
                bad(
                        "no userId or anonymousId",
                        "/v1/page",
                        KEY,
                        "{\"name\":\"Home\"}",
                        400,
                        "no_user_anon_id",
                        "userId"),
                bad("empty userId", "/v1/identify", KEY, "{\"userId\":\"\"}", 400, "id_not_string", "userId"),
                bad(
                        "numeric anonymousId",
                        "/v1/identify",
                        KEY,
                        "{\"anonymousId\":42}",
                        400,
                        "id_not_string",
                        "anonymousId"),
                bad("track without event", "/v1/track", KEY, "{\"userId\":\"u\"}", 400, "event_not_defined", "event"),
                bad(
                        "track with numeric event",
                        "/v1/t",
                        KEY,
                        "{\"userId\":\"u\",\"event\":7}",
                        400,
                        "event_not_string",
                        "event"),
                bad(
                        "properties not an object",
                        "/v1/track",
                        KEY,
                        "{\"userId\":\"u\",\"event\":\"E\",\"properties\":[]}",
                        400,
                        "properties_not_object",
                        "properties"),
                bad(
                        "traits not an object",
                        "/v1/identify",
                        KEY,
                        "{\"userId\":\"u\",\"traits\":\"vip\"}",
                        400,
                        "traits_not_object",
                        "traits"),
                bad("group without groupId", "/v1/group", KEY, "{\"userId\":\"u\"}", 400, "id_required", "groupId"),
                bad(
                        "page with empty name",
                        "/v1/page",
                        KEY,
                        "{\"userId\":\"u\",\"name\":\"\"}",
                        400,
                        "name_not_string",
                        "name"),
                bad(
                        "screen with numeric category",
                        "/v1/screen",
                        KEY,
                        "{\"userId\":\"u\",\"category\":5}",
                        400,
                        "category_not_string",
                        "category"),
                bad(
                        "alias without previousId",
                        "/v1/alias",
                        KEY,
                        "{\"userId\":\"u\"}",
                        400,
                        "id_required",
                        "previousId"),
                bad(
                        "alias without userId",
                        "/v1/a",
                        KEY,
                        "{\"previousId\":\"p\",\"anonymousId\":\"a\"}",
                        400,
                        "id_required",
                        "userId"),
                bad(
                        "context not an object",
                        "/v1/track",
                        KEY,
                        "{\"userId\":\"u\",\"event\":\"E\",\"context\":\"c\"}",
                        400,
                        "bad_request",
                        "context"),
                bad(
                        "messageId over 100 characters",
                        "/v1/track",
                        KEY,
                        "{\"userId\":\"u\",\"event\":\"E\",\"messageId\":\"" + "m".repeat(101) + "\"}",
                        400,
                        "message_id_too_long",
                        "messageId"),
                bad("unknown endpoint", "/v1/purchase", KEY, "{\"userId\":\"u\"}", 404, "not_found", null),
                bad(
                        "duplicate keys",
                        "/v1/track",
                        KEY,
                        "{\"userId\":\"u\",\"event\":\"A\",\"event\":\"B\"}",
                        400,
                        "bad_request",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void shouldAnswerWithStatusAndCodeWhenTheRequestIsBad(
            String name, String path, String writeKey, String body, int status, String code, String field) {
        // When
        HttpResponse<String> response = api.post(path, writeKey, body);

        // Then
        assertThat(response.statusCode()).as(name).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode error = parse(response.body());
        assertThat(error.get("code").asText()).as(name).isEqualTo(code);
        assertThat(error.get("message").asText()).as(name).isNotBlank();
        if (field != null) {
            assertThat(error.get("field").asText()).as(name).isEqualTo(field);
            assertThat(error.get("message").asText()).as(name).contains(field);
        }
    }

    @Test
    void shouldAnswer400WhenAGzipBodyInflatesPastTheLimit() {
        // Given: 1 MB of spaces compresses to about a kilobyte
        byte[] bomb = Http.gzip("{\"userId\":\"u\",\"event\":\"E\",\"pad\":\"" + " ".repeat(1024 * 1024) + "\"}");
        assertThat(bomb.length).isLessThan(32 * 1024);

        // When
        HttpResponse<String> response = api.send(encoded("/v1/track", "gzip", bomb));

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void shouldAnswer400WhenTheBodyIsNotTheGzipItClaims() {
        // When
        HttpResponse<String> response = api.send(
                encoded("/v1/track", "gzip", "{\"userId\":\"u\",\"event\":\"E\"}".getBytes(StandardCharsets.UTF_8)));

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).get("message").asText()).contains("gzip");
    }

    @Test
    void shouldAnswer400WhenTheContentEncodingIsUnsupported() {
        // When
        HttpResponse<String> response = api.send(
                encoded("/v1/track", "br", "{\"userId\":\"u\",\"event\":\"E\"}".getBytes(StandardCharsets.UTF_8)));

        // Then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(parse(response.body()).get("message").asText()).contains("br");
    }

    @Test
    void shouldAcceptADeflateBodyWhenItIsValid() {
        // Given
        byte[] body = deflate("{\"userId\":\"u\",\"event\":\"Deflated\",\"messageId\":\"deflated-1\"}");

        // When
        HttpResponse<String> response = api.send(encoded("/v1/track", "deflate", body));

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo("deflated-1");
    }

    @Test
    void shouldListAnOversizedItemByIndexWhenTheRestOfTheBatchIsGood() {
        // Given
        String big = "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"" + "y".repeat(33 * 1024)
                + "\",\"messageId\":\"big-1\"}";
        String body = "{\"batch\":[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Small\",\"messageId\":\"small-1\"},"
                + big + "]}";
        rejected.skipToEnd();

        // When
        HttpResponse<String> response = api.post("/v1/batch", KEY, body);

        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = parse(response.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.at("/rejected/0/index").asInt()).isEqualTo(1);
        assertThat(answer.at("/rejected/0/code").asText()).isEqualTo("event_too_large");
        assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo("small-1");
        Rejected refused = rejected.take(1).get(0).value();
        assertThat(refused.getCode()).isEqualTo("event_too_large");
        assertThat(refused.getMessageId()).isEqualTo("big-1");
        assertThat(refused.getStage()).isEqualTo("ingest");
    }

    @Test
    void shouldAnswer405WhenTheMethodIsNotPost() {
        // When
        HttpResponse<String> response = api.send(api.request("/v1/track").GET().build());

        // Then
        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(parse(response.body()).get("code").asText()).isIn("method_not_allowed", "not_found");
    }

    @Test
    void shouldAnswerAtOnceAndCloseWhenTheDeclaredLengthIsFarOverTheLimit() throws IOException {
        // Given: a client that announces 100 MB and sends nothing
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + Http.basic(KEY)
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // When
            String answer = readAll(socket.getInputStream());

            // Then
            assertThat(answer).startsWith("HTTP/1.1 400").contains("payload_too_large");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static HttpRequest encoded(String path, String encoding, byte[] body) {
        return api.request(path)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", encoding)
                .header("Authorization", Http.basic(KEY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private static byte[] deflate(String text) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }

    private static String batchOf(int count, String item) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(item);
        }
        return "{\"batch\":[" + String.join(",", items) + "]}";
    }

    private static Arguments bad(
            String name, String path, String key, String body, int status, String code, String field) {
        return Arguments.of(name, path, key, body, status, code, field);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(text, e);
        }
    }
}
