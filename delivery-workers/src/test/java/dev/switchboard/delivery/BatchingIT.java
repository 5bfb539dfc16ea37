/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.config.DeliveryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batch destinations and per-user ordering. */
class BatchingIT extends BrokerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messageIds(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(i -> ids.add(i.get("messageId").asText()));
        return ids;
    }

    @Test
    void shouldSendJsonArraysOfAtMostMaxEventsWhenTheDestinationBatches() {
        // Given
        FakeDestination server = server(FakeDestination.ok());
        String id = newId("batch-array");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-ba", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        List<String> expected =
                IntStream.range(0, 25).mapToObj(i -> id + "-m" + i).toList();

        // When
        send(
                id,
                expected.stream()
                        .map(m -> Requests.batchable(
                                id, server.url("/batch"), m, "k", BatchFormat.JSON_ARRAY, 10, 100_000))
                        .toList(),
                1);

        // Then
        await().until(() ->
                server.received().stream().mapToInt(r -> parse(r.body()).size()).sum() == 25);
        List<String> delivered = new ArrayList<>();
        for (Received r : server.received()) {
            JsonNode array = parse(r.body());
            assertThat(array.isArray()).isTrue();
            assertThat(array.size()).isBetween(1, 10);
            if (array.size() > 1) {
                assertThat(r.header("Idempotency-Key")).isNull();
            }
            assertThat(r.header("X-Signature")).startsWith("sig-");
            delivered.addAll(messageIds(array));
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(server.received()).hasSizeBetween(3, 24);
        await().until(() ->
                outcomes(id).stream().mapToInt(o -> o.getMessageIds().size()).sum() == 25);
        assertThat(outcomes(id)).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(DeliveryStatus.DELIVERED));
    }

    @Test
    void shouldKeepWrappedBatchesWithinMaxBytesWhenTheDestinationBatches() {
        // Given a destination whose batches may hold at most 400 bytes
        FakeDestination server = server(FakeDestination.ok());
        String id = newId("batch-wrapped");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-bw", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        List<String> expected =
                IntStream.range(0, 20).mapToObj(i -> id + "-m" + i).toList();

        // When
        send(
                id,
                expected.stream()
                        .map(m -> Requests.batchable(id, server.url("/import"), m, "k", BatchFormat.WRAPPED, 100, 400))
                        .toList(),
                1);

        // Then
        await().until(() -> server.received().stream()
                        .mapToInt(r -> parse(r.body()).get("events").size())
                        .sum()
                == 20);
        List<String> delivered = new ArrayList<>();
        for (Received r : server.received()) {
            assertThat(r.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(400);
            JsonNode root = parse(r.body());
            assertThat(root.get("api_key").asText()).isEqualTo("k");
            delivered.addAll(messageIds(root.get("events")));
        }
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(server.received()).hasSizeLessThan(20);
    }

    @Test
    void shouldHoldAUsersLaterRequestsWhileAnEarlierOneRetriesWhenPerUserOrderingIsOn() {
        // Given a destination with per-user ordering that fails the user's first request once
        AtomicBoolean failedOnce = new AtomicBoolean();
        FakeDestination server = server(new FakeDestination(r ->
                r.body().contains("-m0\"") && failedOnce.compareAndSet(false, true) ? Reply.of(503) : Reply.of(200)));
        String id = newId("ordered");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace(
                "ws-ord", Requests.destination(id, new DeliveryOptions(null, null, null, null, null, true))));
        startApp(fastConfig(Map.of()));

        // When three requests of one user arrive
        send(
                id,
                IntStream.range(0, 3)
                        .mapToObj(i -> Requests.single(id, server.url("/o"), id + "-m" + i))
                        .toList(),
                1);

        // Then they are delivered in order, the first after its retry
        await().until(() -> outcomes(id).stream()
                        .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                        .count()
                == 3);
        assertThat(server.received())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsExactly(id + "-m0", id + "-m0", id + "-m1", id + "-m2");
        assertThat(outcomes(id))
                .extracting(DeliveryOutcome::getStatus)
                .containsExactly(
                        DeliveryStatus.RETRYING,
                        DeliveryStatus.DELIVERED,
                        DeliveryStatus.DELIVERED,
                        DeliveryStatus.DELIVERED);
    }
}
