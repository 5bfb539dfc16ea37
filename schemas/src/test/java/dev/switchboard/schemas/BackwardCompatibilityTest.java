/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationControl;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.schemas.avro.PauseInterval;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Redrive;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.ReplayProgress;
import dev.switchboard.schemas.avro.RetryEnvelope;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Records written by every release stay readable forever: {@code compat/<Record>/v<N>.bin} holds an
 * encoding made by release N, and the current classes must decode each one. A release adds its own
 * file with {@code -Dgolden.update} (which writes the current version's file only).
 */
class BackwardCompatibilityTest {

    private static final Path ROOT = Path.of("src/test/resources/compat");
    private static final String CURRENT = "v1";
    private static final Instant T = Instant.parse("2026-01-01T12:00:00.500Z");

    private static final DestinationRequest REQUEST = DestinationRequest.newBuilder()
            .setDestinationId("hooks")
            .setDestinationType("webhook")
            .setMessageIds(List.of("m1"))
            .setMethod("POST")
            .setUrl("http://127.0.0.1/hook")
            .setHeaders(Map.of("Content-Type", "application/json"))
            .setBody(ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)))
            .setIdempotencyKey("m1")
            .setCreatedAt(T)
            .build();
    private static final DeliveryAttempt ATTEMPT = DeliveryAttempt.newBuilder()
            .setAttempt(1)
            .setAttemptedAt(T)
            .setLatencyMs(30)
            .setHttpStatus(503)
            .setErrorClass("http_5xx")
            .setResponseHeaders(Map.of("Retry-After", "2"))
            .setResponseBody("busy")
            .build();

    private static final List<SpecificRecord> SAMPLES = List.of(
            new RawCall(
                    "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"E\"}",
                    "m1",
                    T,
                    "2026-01-01T12:00:00.000Z",
                    "acme",
                    "web",
                    "203.0.113.9",
                    "curl/8",
                    "/v1/track"),
            new Event("m1", "track", "u1", null, "E", "acme", "web", T, T, "{\"type\":\"track\"}"),
            new Rejected(
                    "validate",
                    "no_user_anon_id",
                    "needs an id",
                    "acme",
                    "web",
                    null,
                    "m1",
                    T,
                    ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8))),
            REQUEST,
            new RetryEnvelope(REQUEST, List.of(ATTEMPT), T, T.plusSeconds(2)),
            new DeadLetter(REQUEST, List.of(ATTEMPT), "http 400: not retryable", T),
            DeliveryOutcome.newBuilder()
                    .setDestinationId("hooks")
                    .setMessageIds(List.of("m1"))
                    .setStatus(DeliveryStatus.DELIVERED)
                    .setAttempt(1)
                    .setHttpStatus(200)
                    .setLatencyMs(12)
                    .setAttemptedAt(T)
                    .build(),
            new ConfigRecord("acme", T, "{\"workspace\":\"acme\"}"),
            new DestinationControl(
                    "hooks",
                    true,
                    T,
                    "vendor outage",
                    T,
                    List.of(new PauseInterval(T.minusSeconds(60), T.minusSeconds(30)))),
            new Redrive("hooks", 0, 42L, "rd-1", T, List.of("m1")),
            new ReplayProgress(
                    "rp-1",
                    "web",
                    List.of("hooks"),
                    "Order *",
                    "track",
                    T,
                    T.plusSeconds(3600),
                    0,
                    10L,
                    90L,
                    42L,
                    7L,
                    T),
            new Violation(
                    "acme",
                    "web",
                    "m1",
                    "track",
                    "Order Completed",
                    "/properties/price",
                    ViolationKind.TYPE_MISMATCH,
                    "type: number",
                    "string",
                    2,
                    "block-invalid",
                    true,
                    T),
            new UserSuppression("acme", SuppressedIdType.USER_ID, "u1", "GDPR 1187", "ops", T),
            new FieldSeen(
                    "acme",
                    "web",
                    "/properties/items[]/email",
                    List.of("string"),
                    "email",
                    "yellow",
                    "1_0",
                    T,
                    T.plusSeconds(3600)));

    @TestFactory
    Stream<DynamicTest> shouldDecodeEveryReleasedEncodingWhenSchemasEvolve() throws Exception {
        if (System.getProperty("golden.update") != null) {
            for (SpecificRecord sample : SAMPLES) {
                Path file = ROOT.resolve(sample.getClass().getSimpleName()).resolve(CURRENT + ".bin");
                Files.createDirectories(file.getParent());
                Files.write(file, serde(sample).serializer().serialize("t", sample));
                // The release's full schema (named types inlined), for SchemaHistory.
                Path history = Path.of(
                        "src/main/resources/switchboard/schema-history",
                        sample.getSchema().getFullName(),
                        CURRENT + ".avsc");
                Files.createDirectories(history.getParent());
                Files.writeString(history, sample.getSchema().toString(true) + "\n");
            }
        }
        return SAMPLES.stream().flatMap(sample -> {
            Path dir = ROOT.resolve(sample.getClass().getSimpleName());
            assertThat(dir)
                    .as("no compat fixtures for %s: run with -Dgolden.update", dir)
                    .isDirectory();
            try (Stream<Path> files = Files.list(dir)) {
                return files.sorted().toList().stream()
                        .map(file -> DynamicTest.dynamicTest(dir.getFileName() + "/" + file.getFileName(), () -> {
                            SpecificRecord decoded =
                                    serde(sample).deserializer().deserialize("t", Files.readAllBytes(file));
                            assertThat(decoded).isNotNull();
                            if (file.getFileName().toString().equals(CURRENT + ".bin")) {
                                assertThat(decoded).isEqualTo(sample);
                            }
                        }));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Serde<SpecificRecord> serde(SpecificRecord sample) {
        return (Serde<SpecificRecord>) (Serde<?>) RecordSerdes.forClass(sample.getClass());
    }
}
