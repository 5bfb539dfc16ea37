/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.tracking.support.Http;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input gets its status and a JSON {@code {code, message}}, and writes nothing:
 * after each case a marker call must be the very next record on {@code sb.ingest.raw}.
 */
class BadInputIT extends ApiIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = Workspace.WEB_KEY;

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

    /** The cases of {@code src/test/resources/bad-input/cases.json}; {@code {{33KB}}} in a body is 33 KB of x. */
    static Stream<Arguments> badRequests() throws IOException {
        JsonNode cases = JSON.readTree(
                Paths.get("src/test/resources/bad-input/cases.json").toFile());
        List<Arguments> arguments = new ArrayList<>();
        for (JsonNode c : cases) {
            String body = c.has("batchOf")
                    ? batchOf(
                            c.at("/batchOf/repeat").asInt(),
                            c.at("/batchOf/item").asText())
                    : c.get("body").asText();
            arguments.add(Arguments.of(
                    c.get("name").asText(),
                    c.get("path").asText(),
                    c.get("writeKey").isNull() ? null : c.get("writeKey").asText(),
                    body.replace("{{33KB}}", "x".repeat(33 * 1024)),
                    c.get("status").asInt(),
                    c.get("code").asText(),
                    c.get("field").isNull() ? null : c.get("field").asText()));
        }
        assertThat(arguments).hasSizeGreaterThan(25);
        return arguments.stream();
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

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(text, e);
        }
    }
}
