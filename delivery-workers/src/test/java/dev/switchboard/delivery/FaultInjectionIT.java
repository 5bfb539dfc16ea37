/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.outcomes.DeliveryMetrics;
import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.workspace.config.DeliveryOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 7's fault scenarios against real local HTTP servers and the embedded broker. */
class FaultInjectionIT extends BrokerTestBase {

    private static Map<String, List<Received>> byMessageId(FakeDestination server) {
        return server.received().stream().collect(Collectors.groupingBy(r -> r.header("Idempotency-Key")));
    }

    @Test
    void shouldDeliverEverythingWithThreeAttemptsEachWhenTheFirstTwoCallsFailWith5xx() {
        // Given a destination that answers 503 then 500 to each message, then 200
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        FakeDestination server = server(new FakeDestination(r -> {
            int n = calls.merge(r.header("Idempotency-Key"), 1, Integer::sum);
            return n == 1 ? Reply.of(503) : n == 2 ? Reply.of(500) : Reply.of(200);
        }));
        String id = newId("flaky");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-flaky", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));

        // When
        send(
                id,
                IntStream.range(0, 10)
                        .mapToObj(i -> Requests.single(id, server.url("/x"), id + "-m" + i))
                        .toList(),
                4);

        // Then every message is delivered on its third attempt, after two retried ones
        await().until(() -> outcomes(id).stream()
                        .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                        .count()
                == 10);
        assertThat(byMessageId(server)).hasSize(10).allSatisfy((m, received) -> assertThat(received)
                .hasSize(3));
        Map<DeliveryStatus, List<Integer>> attempts = outcomes(id).stream()
                .collect(Collectors.groupingBy(
                        DeliveryOutcome::getStatus,
                        Collectors.mapping(DeliveryOutcome::getAttempt, Collectors.toList())));
        assertThat(attempts.get(DeliveryStatus.DELIVERED)).hasSize(10).containsOnly(3);
        assertThat(attempts.get(DeliveryStatus.RETRYING)).hasSize(20).containsOnly(1, 2);
        assertThat(attempts).doesNotContainKey(DeliveryStatus.FAILED);
        assertThat(counter(DeliveryMetrics.RETRIED, id)).isEqualTo(20);
        assertThat(topics.readAll(Topics.deadLetter(id))).isEmpty();
    }

    @Test
    void shouldWaitForRetryAfterAndLowerConcurrencyWhenTheDestinationAnswers429() {
        // Given a destination that throttles the first call of every message with Retry-After: 2
        Map<String, Integer> calls = new ConcurrentHashMap<>();
        FakeDestination server = server(new FakeDestination(r -> {
            int n = calls.merge(r.header("Idempotency-Key"), 1, Integer::sum);
            return n == 1 ? Reply.of(429, Map.of("Retry-After", "2"), "{\"error\":\"slow down\"}") : Reply.of(200);
        }));
        String id = newId("throttled");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace(
                "ws-429", Requests.destination(id, new DeliveryOptions(null, null, null, 8, null, null))));
        startApp(fastConfig(Map.of()));

        // When
        send(
                id,
                IntStream.range(0, 8)
                        .mapToObj(i -> Requests.single(id, server.url("/x"), id + "-m" + i))
                        .toList(),
                8);

        // Then the concurrency limit drops below its maximum of 8 while the destination throttles
        await().pollInterval(Duration.ofMillis(20)).until(() -> gauge(DeliveryMetrics.CONCURRENCY_LIMIT, id) < 8);
        await().until(() -> outcomes(id).stream()
                        .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                        .count()
                == 8);
        // and no message was called again before the 2 seconds it was told to wait
        assertThat(byMessageId(server)).hasSize(8).allSatisfy((m, received) -> {
            assertThat(received).hasSize(2);
            assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        });
        assertThat(outcomes(id))
                .filteredOn(o -> o.getStatus() == DeliveryStatus.RETRYING)
                .hasSize(8)
                .allSatisfy(o -> assertThat(o.getHttpStatus()).isEqualTo(429));
    }

    @Test
    void shouldDeliverEverythingToAHealthyDestinationWhileAnotherHangs() {
        // Given a destination that never answers (long timeout) and a healthy one
        FakeDestination hanging = server(new FakeDestination(r -> Reply.hanging()));
        FakeDestination healthy = server(FakeDestination.ok());
        String stuck = newId("stuck");
        String fine = newId("fine");
        admin.createDestinations(List.of(stuck, fine));
        view.put(Requests.workspace(
                "ws-iso",
                Requests.destination(stuck, new DeliveryOptions(null, "60s", null, 4, null, null)),
                Requests.destination(fine, null)));
        startApp(fastConfig(Map.of()));

        // When both get traffic, the hanging one first
        send(
                stuck,
                IntStream.range(0, 50)
                        .mapToObj(i -> Requests.single(stuck, hanging.url("/h"), stuck + "-m" + i))
                        .toList(),
                5);
        send(
                fine,
                IntStream.range(0, 200)
                        .mapToObj(i -> Requests.single(fine, healthy.url("/ok"), fine + "-m" + i))
                        .toList(),
                5);

        // Then the healthy destination receives everything and records it, while the other is stuck
        await().until(() -> outcomes(fine).size() == 200);
        assertThat(healthy.received()).hasSize(200);
        assertThat(outcomes(fine)).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(DeliveryStatus.DELIVERED));
        // and the hanging one holds no more than its own in-flight window, with nothing recorded yet
        assertThat(hanging.received()).hasSizeLessThanOrEqualTo(4).isNotEmpty();
        assertThat(outcomes(stuck)).isEmpty();
    }

    @Test
    void shouldDeadLetterAtOnceWithRequestAndResponseWhenTheDestinationAnswers400Or401() {
        // Given
        FakeDestination server = server(new FakeDestination(r -> r.body().contains("-bad")
                ? Reply.of(400, Map.of("X-Request-Id", "req-400"), "{\"error\":\"invalid event\"}")
                : Reply.of(401, Map.of("X-Request-Id", "req-401"), "{\"error\":\"bad token\"}")));
        String id = newId("refusing");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-4xx", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));

        // When
        send(
                id,
                List.of(
                        Requests.single(id, server.url("/x"), id + "-bad"),
                        Requests.single(id, server.url("/x"), id + "-auth")),
                2);

        // Then
        await().until(() -> topics.readAll(Topics.deadLetter(id)).size() == 2);
        Map<String, DeadLetter> letters = topics.readAll(Topics.deadLetter(id)).stream()
                .map(r -> r.value())
                .collect(Collectors.toMap(d -> d.getRequest().getMessageIds().get(0), d -> d));
        assertDeadLetter(letters.get(id + "-bad"), 400, "req-400", "invalid event", "http_4xx");
        assertDeadLetter(letters.get(id + "-auth"), 401, "req-401", "bad token", "http_auth");
        assertThat(server.received()).hasSize(2);
        await().until(() -> outcomes(id).size() == 2);
        assertThat(outcomes(id)).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(DeliveryStatus.FAILED));
        assertThat(counter(DeliveryMetrics.DEAD_LETTERED, id)).isEqualTo(2);
    }

    private static void assertDeadLetter(DeadLetter d, int status, String requestId, String body, String errorClass) {
        assertThat(d.getReason()).startsWith("non_retryable").contains(errorClass);
        assertThat(new String(d.getRequest().getBody().array(), StandardCharsets.UTF_8))
                .contains(d.getRequest().getMessageIds().get(0));
        assertThat(d.getRequest().getHeaders()).containsKey("X-Signature");
        assertThat(d.getAttempts()).singleElement().satisfies(a -> {
            assertThat(a.getHttpStatus()).isEqualTo(status);
            assertThat(a.getResponseHeaders()).containsEntry("x-request-id", requestId);
            assertThat(a.getResponseBody()).contains(body);
            assertThat(a.getAttempt()).isEqualTo(1);
        });
    }

    @Test
    void shouldDeadLetterWithEveryAttemptWhenTheRetryWindowExpires() {
        // Given a destination that always fails, with a one-second retry window of its own
        FakeDestination server = server(new FakeDestination(r -> Reply.of(503, Map.of(), "down for maintenance")));
        String id = newId("down");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace(
                "ws-down", Requests.destination(id, new DeliveryOptions(null, null, "1s", null, null, null))));
        startApp(fastConfig(Map.of()));

        // When
        send(id, List.of(Requests.single(id, server.url("/x"), id + "-m1")), 1);

        // Then
        await().until(() -> topics.readAll(Topics.deadLetter(id)).size() == 1);
        DeadLetter letter = topics.readAll(Topics.deadLetter(id)).get(0).value();
        assertThat(letter.getReason()).startsWith("retry_window_expired");
        List<DeliveryAttempt> attempts = letter.getAttempts();
        assertThat(attempts)
                .hasSizeGreaterThanOrEqualTo(3)
                .hasSize(server.received().size());
        assertThat(attempts)
                .extracting(DeliveryAttempt::getAttempt)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, attempts.size()).boxed().toList());
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.getHttpStatus()).isEqualTo(503);
            assertThat(a.getResponseBody()).isEqualTo("down for maintenance");
        });
        assertThat(attempts).isSortedAccordingTo(Comparator.comparing(DeliveryAttempt::getAttemptedAt));
        await().until(() -> outcomes(id).stream().anyMatch(o -> o.getStatus() == DeliveryStatus.FAILED));
    }
}
