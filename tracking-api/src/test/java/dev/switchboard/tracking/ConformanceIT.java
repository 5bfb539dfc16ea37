/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.tracking.support.JsonMatch;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the verbatim calls of {@code src/test/resources/segment-spec/<case>.request.json} and checks
 * the HTTP answer ({@code <case>.response.json}) and what lands on {@code sb.ingest.raw} and
 * {@code sb.rejected} ({@code <case>.records.json}); {@code "*"} matches any value. After each case
 * a marker batch (one good, one bad item) proves that nothing else was written.
 */
class ConformanceIT extends ApiIntegrationBase {

    private static final Path FIXTURES = Paths.get("src/test/resources/segment-spec");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> shouldAnswerAndWriteAsTheFixtureSaysWhenReplayingSegmentSpecCalls() throws IOException {
        List<String> cases;
        try (Stream<Path> files = Files.list(FIXTURES)) {
            cases = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".request.json"))
                    .map(n -> n.substring(0, n.length() - ".request.json".length()))
                    .sorted()
                    .toList();
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(10);
        return cases.stream().map(name -> DynamicTest.dynamicTest(name, () -> replay(name)));
    }

    private void replay(String name) {
        // Given
        JsonNode request = read(name + ".request.json");
        JsonNode expectedResponse = read(name + ".response.json");
        JsonNode expectedRecords = read(name + ".records.json");
        Instant before = Instant.now();
        raw.skipToEnd();
        rejected.skipToEnd();

        // When
        HttpResponse<String> response = api.send(toHttp(request));

        // Then
        assertThat(response.statusCode())
                .as(name + " status")
                .isEqualTo(expectedResponse.get("status").asInt());
        JsonMatch.assertMatches(name + " response body", expectedResponse.get("body"), parse(response.body()));
        JsonNode expectedRaw = expectedRecords.get("raw");
        JsonNode expectedRejected = expectedRecords.get("rejected");
        sendMarker(name);
        List<ConsumerRecord<String, RawCall>> calls = raw.take(expectedRaw.size() + 1);
        for (int i = 0; i < expectedRaw.size(); i++) {
            assertRawCall(name + " raw record " + i, expectedRaw.get(i), calls.get(i), before);
        }
        assertThat(calls.get(expectedRaw.size()).value().getMessageId())
                .as(name + ": nothing else on sb.ingest.raw")
                .isEqualTo("marker-" + name);
        List<ConsumerRecord<String, Rejected>> refused = rejected.take(expectedRejected.size() + 1);
        for (int i = 0; i < expectedRejected.size(); i++) {
            JsonMatch.assertMatches(
                    name + " rejected " + i,
                    expectedRejected.get(i),
                    rejectedAsJson(refused.get(i).value()));
        }
        assertThat(refused.get(expectedRejected.size()).value().getMessageId())
                .as(name + ": nothing else on sb.rejected")
                .isEqualTo("marker-bad-" + name);
    }

    private static void assertRawCall(
            String what, JsonNode expected, ConsumerRecord<String, RawCall> record, Instant before) {
        RawCall call = record.value();
        ObjectNode actual = JSON.createObjectNode();
        actual.put("key", record.key());
        actual.put("sourceId", call.getSourceId());
        actual.put("workspaceId", call.getWorkspaceId());
        actual.put("path", call.getPath());
        actual.put("sentAt", call.getSentAt());
        actual.put("messageId", call.getMessageId());
        actual.set("payload", parse(call.getPayload()));
        JsonMatch.assertMatches(what, expected, actual);
        assertThat(parse(call.getPayload()).get("messageId").asText())
                .as(what + " messageId in payload")
                .isEqualTo(call.getMessageId());
        assertThat(call.getReceivedAt()).as(what + " receivedAt").isAfterOrEqualTo(before.minusMillis(1));
        assertThat(call.getIp()).as(what + " ip").isEqualTo("127.0.0.1");
        assertThat(call.getUserAgent()).as(what + " userAgent").startsWith("Java-http-client");
    }

    private static ObjectNode rejectedAsJson(Rejected r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("code", r.getCode());
        node.put("stage", r.getStage());
        node.put("sourceId", r.getSourceId());
        node.put("workspaceId", r.getWorkspaceId());
        node.put("messageId", r.getMessageId());
        node.put("reason", r.getReason());
        return node;
    }

    private static void sendMarker(String name) {
        String body =
                "{\"batch\":[{\"type\":\"track\",\"userId\":\"marker\",\"event\":\"Marker\",\"messageId\":\"marker-"
                        + name + "\"},{\"type\":\"track\",\"userId\":\"marker\",\"messageId\":\"marker-bad-" + name
                        + "\"}]}";
        assertThat(api.post("/v1/batch", Workspace.WEB_KEY, body).statusCode()).isEqualTo(200);
    }

    private static HttpRequest toHttp(JsonNode request) {
        String body = request.has("bodyText")
                ? request.get("bodyText").asText()
                : request.get("body").toString();
        HttpRequest.Builder b = api.request(request.get("path").asText())
                .method(request.get("method").asText(), HttpRequest.BodyPublishers.ofString(body));
        request.get("headers")
                .fields()
                .forEachRemaining(h -> b.header(h.getKey(), h.getValue().asText()));
        return b.build();
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(FIXTURES.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(text, e);
        }
    }
}
