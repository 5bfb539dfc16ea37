/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.outcomes.DeliveryMetrics;
import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Received;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.workspace.config.DeliveryOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code destination pause} holds delivery: records wait in Kafka (lag grows), nothing is sent,
 * retried or dead-lettered even past the retry window; {@code resume} delivers everything, each
 * user's requests in order.
 */
class PauseIT extends BrokerTestBase {

    private static final int USERS = 3;

    @Test
    void shouldHoldEverythingWhilePausedPastTheRetryWindowThenDeliverAllInPerUserOrderWhenResumed() throws Exception {
        // Given an ordered destination with a 2 s retry window that is failing: each user's first request retries
        FakeDestination server = server(new FakeDestination(r -> Reply.of(503)));
        String id = newId("paused");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace(
                "ws-pause", Requests.destination(id, new DeliveryOptions(null, null, "2s", null, null, true))));
        startApp(fastConfig(Map.of()));
        send(id, requests(id, server, 0, USERS), USERS);
        await().until(() -> server.received().size() >= USERS);

        // When the destination is paused, more requests arrive, and twice the retry window passes
        try (DestinationControls controls = new DestinationControls(KafkaAccess.of(kafka.bootstrapServers()))) {
            controls.pause(id, "vendor outage", Instant.now());
            await().until(() -> gauge(DeliveryMetrics.PAUSED, id) == 1.0);
            Thread.sleep(500); // the calls in flight when the pause arrived finish
            int callsAtPause = server.received().size();
            send(id, requests(id, server, USERS, 10 * USERS), USERS);
            Thread.sleep(4_000);

            // Then nothing was sent, retried or dead-lettered, and the new requests wait in Kafka
            assertThat(server.received()).hasSize(callsAtPause);
            assertThat(topics.readAll(Topics.deadLetter(id))).isEmpty();
            long committed =
                    topics.committed("sb-delivery-" + id, Topics.destination(id).name());
            assertThat(11 * USERS - committed)
                    .as("lag on %s", Topics.destination(id).name())
                    .isGreaterThanOrEqualTo(10 * USERS);
            assertThat(controls.state(id).paused()).isTrue();

            // When it is resumed with the destination back
            Instant resumed = Instant.now();
            server.behaviour(r -> Reply.of(200));
            controls.resume(id, "vendor back", Instant.now());

            // Then everything is delivered, nothing dead-lettered, each user's requests in order
            await().until(() -> outcomes(id).stream()
                            .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                            .count()
                    == 11 * USERS);
            assertThat(gauge(DeliveryMetrics.PAUSED, id)).isZero();
            assertThat(topics.readAll(Topics.deadLetter(id))).isEmpty();
            Map<String, List<Integer>> order = server.received().stream()
                    .filter(r -> !r.at().isBefore(resumed))
                    .collect(Collectors.groupingBy(
                            PauseIT::user, Collectors.mapping(PauseIT::sequence, Collectors.toList())));
            assertThat(order)
                    .hasSize(USERS)
                    .allSatisfy((user, seq) ->
                            assertThat(seq).as(user).hasSize(11).isSorted().doesNotHaveDuplicates());
        }
    }

    /** Requests {@code from} .. {@code from+count-1}; request i belongs to user i % USERS (as send keys them). */
    private static List<DestinationRequest> requests(String id, FakeDestination server, int from, int count) {
        List<DestinationRequest> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(Requests.single(id, server.url("/x"), id + "-u" + (i % USERS) + "-" + (i / USERS)));
        }
        return out;
    }

    private static String user(Received r) {
        String m = r.header("Idempotency-Key");
        return m.substring(0, m.lastIndexOf('-'));
    }

    private static int sequence(Received r) {
        String m = r.header("Idempotency-Key");
        return Integer.parseInt(m.substring(m.lastIndexOf('-') + 1));
    }
}
