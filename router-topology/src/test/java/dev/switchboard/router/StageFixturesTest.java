/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.router.plan.PlanStage;
import dev.switchboard.router.testing.RouterDriver;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden fixtures for every stage: {@code stages/<stage>/<case>.input.json} (a raw call as the
 * tracking API writes it) runs through the whole topology with {@link RouterDriver}'s workspace, and
 * what lands on {@code sb.events}, {@code sb.rejected} and {@code sb.dest.*} must equal
 * {@code <case>.expected.json}. An input may list several {@code calls} and bring its own
 * {@code workspace} YAML. {@code -Dgolden.update} rewrites the expected files; review the diff.
 */
class StageFixturesTest {

    private static final Path ROOT = Path.of("src/test/resources/stages");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final boolean UPDATE = System.getProperty("golden.update") != null;

    @TestFactory
    Stream<DynamicTest> shouldProduceExpectedRecordsWhenFixtureRunsThroughTopology() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".input.json")).sorted().toList().stream()
                    .map(input -> DynamicTest.dynamicTest(name(input), () -> run(input)));
        }
    }

    private static String name(Path input) {
        return ROOT.relativize(input).toString().replace(".input.json", "");
    }

    private static void run(Path inputFile) throws Exception {
        JsonNode input = JSON.readTree(inputFile.toFile());
        ObjectNode actual = JSON.createObjectNode();
        String workspace = input.path("workspace").asText(RouterDriver.WORKSPACE_YAML);
        try (RouterDriver router = new RouterDriver().withWorkspace(workspace)) {
            for (JsonNode call : input.has("calls")
                    ? input.get("calls")
                    : JSON.createArrayNode().add(input)) {
                RawCall raw = rawCall(call, name(inputFile));
                router.send(call.path("key").asText("user-1"), raw);
            }
            ArrayNode events = actual.putArray("events");
            ArrayNode blocked = JSON.createArrayNode();
            ArrayNode forwarded = JSON.createArrayNode();
            for (var record : router.archive()) {
                events.add(readTree(record.value().getJson()));
                Header mark = record.headers().lastHeader(PlanStage.FORWARDED_HEADER);
                if (mark != null) {
                    forwarded
                            .addObject()
                            .put("messageId", record.value().getMessageId())
                            .put("sourceId", record.value().getSourceId())
                            .put("forwarded", new String(mark.value(), StandardCharsets.UTF_8))
                            .put(
                                    "from",
                                    new String(
                                            record.headers()
                                                    .lastHeader(PlanStage.FORWARDED_FROM_HEADER)
                                                    .value(),
                                            StandardCharsets.UTF_8))
                            .put("blocked", record.headers().lastHeader(PlanStage.BLOCKED_HEADER) != null);
                }
                Header why = record.headers().lastHeader(PlanStage.BLOCKED_HEADER);
                if (why != null) {
                    Header found = record.headers().lastHeader(PlanStage.VIOLATIONS_HEADER);
                    ObjectNode b = blocked.addObject()
                            .put("messageId", record.value().getMessageId())
                            .put("why", new String(why.value(), StandardCharsets.UTF_8));
                    if (found != null) {
                        b.set("violations", readTree(new String(found.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
            if (!blocked.isEmpty()) {
                actual.set("blocked", blocked); // only plan cases have these, so other stages' files stay as they were
            }
            if (!forwarded.isEmpty()) {
                actual.set("forwarded", forwarded); // only forwarding cases have these
            }
            List<Violation> found = router.violations();
            if (!found.isEmpty()) {
                ArrayNode violations = actual.putArray("violations");
                found.forEach(v -> violations.add(violation(v)));
            }
            ArrayNode rejected = actual.putArray("rejected");
            router.rejected().forEach(r -> rejected.addObject()
                    .put("stage", r.getStage())
                    .put("code", r.getCode())
                    .put("reason", r.getReason())
                    .put("destinationId", r.getDestinationId()));
            ObjectNode requests = actual.putObject("requests");
            for (String destination : new String[] {"hooks", "audit"}) {
                ArrayNode list = requests.putArray(destination);
                router.requests(destination).forEach(r -> list.add(request(r)));
            }
        }
        Path expectedFile = Path.of(inputFile.toString().replace(".input.json", ".expected.json"));
        if (UPDATE) {
            Files.writeString(expectedFile, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(Files.exists(expectedFile))
                .as("missing %s: run with -Dgolden.update", expectedFile)
                .isTrue();
        assertThat(actual).isEqualTo(JSON.readTree(expectedFile.toFile()));
    }

    private static RawCall rawCall(JsonNode call, String name) {
        JsonNode payload = call.get("payload");
        return RawCall.newBuilder()
                .setPayload(payload.isTextual() ? payload.asText() : payload.toString())
                .setMessageId(call.path("messageId").asText("edge-" + name.replace('/', '-')))
                .setReceivedAt(Instant.parse(call.path("receivedAt").asText("2026-01-01T12:00:00.500Z")))
                .setSentAt(call.hasNonNull("sentAt") ? call.get("sentAt").asText() : null)
                .setWorkspaceId("acme")
                .setSourceId(call.path("source").asText("web"))
                .setIp(call.hasNonNull("ip") ? call.get("ip").asText() : null)
                .setUserAgent(null)
                .setPath("/v1/batch")
                .build();
    }

    private static ObjectNode violation(Violation v) {
        return JSON.createObjectNode()
                .put("messageId", v.getMessageId())
                .put("type", v.getType())
                .put("event", v.getEvent())
                .put("pointer", v.getPointer())
                .put("kind", v.getKind().name())
                .put("expected", v.getExpected())
                .put("actual", v.getActual())
                .put("planVersion", v.getPlanVersion())
                .put("enforcement", v.getEnforcement())
                .put("blocked", v.getBlocked());
    }

    private static ObjectNode request(DestinationRequest r) {
        ObjectNode node = JSON.createObjectNode()
                .put("method", r.getMethod())
                .put("url", r.getUrl())
                .put("idempotencyKey", r.getIdempotencyKey());
        node.set("messageIds", JSON.valueToTree(r.getMessageIds()));
        node.set("headers", JSON.valueToTree(new java.util.TreeMap<>(r.getHeaders())));
        byte[] body = new byte[r.getBody().remaining()];
        r.getBody().duplicate().get(body);
        node.set("body", readTree(new String(body, StandardCharsets.UTF_8)));
        if (r.getBatch() != null) {
            node.put("batchKey", r.getBatchKey());
            node.set("batch", readTree(r.getBatch().toString()).deepCopy());
        }
        return node;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
