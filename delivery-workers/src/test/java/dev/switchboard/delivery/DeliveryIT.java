/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.outcomes.DeliveryMetrics;
import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Rejected;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The happy path: consume, POST with the mapper's headers, record outcomes, commit; config changes. */
class DeliveryIT extends BrokerTestBase {

    @Test
    void shouldDeliverEveryRequestWithItsHeadersAndCommitWhenTheDestinationAnswers200() {
        // Given
        FakeDestination server = server(FakeDestination.ok());
        String id = newId("hooks");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("acme", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        List<DestinationRequest> requests = IntStream.range(0, 20)
                .mapToObj(i -> Requests.single(id, server.url("/hook"), id + "-m" + i))
                .toList();

        // When
        send(id, requests, 3);

        // Then
        await().until(() -> server.received().size() >= 20);
        assertThat(server.received()).hasSize(20).allSatisfy(r -> {
            String messageId = r.header("Idempotency-Key");
            assertThat(r.body()).contains("\"messageId\":\"" + messageId + "\"");
            assertThat(r.header("X-Signature")).isEqualTo("sig-" + messageId);
            assertThat(r.header("User-Agent")).isEqualTo("Switchboard/test");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/hook");
        });
        await().until(() -> outcomes(id).size() >= 20);
        List<DeliveryOutcome> outcomes = outcomes(id);
        assertThat(outcomes).hasSize(20).allSatisfy(o -> {
            assertThat(o.getStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(o.getAttempt()).isEqualTo(1);
            assertThat(o.getHttpStatus()).isEqualTo(200);
        });
        assertThat(outcomes.stream().flatMap(o -> o.getMessageIds().stream()))
                .containsExactlyInAnyOrderElementsOf(
                        requests.stream().map(r -> r.getMessageIds().get(0)).toList());
        await().until(() -> topics.committed("sb-delivery-" + id, "sb.dest." + id) == 20);
        assertThat(counter(DeliveryMetrics.DELIVERED, id)).isEqualTo(20);
    }

    @Test
    void shouldTellReplayedRequestsApartInOutcomesAndMetricsWhenAReplayWroteThem() {
        // Given a destination that gets two live requests and three a replay wrote
        FakeDestination server = server(FakeDestination.ok());
        String id = newId("replayed");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("acme", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        List<DestinationRequest> requests = IntStream.range(0, 5)
                .mapToObj(i -> {
                    DestinationRequest r = Requests.single(id, server.url("/hook"), id + "-m" + i);
                    r.setReplayId(i < 2 ? null : "rp-test");
                    return r;
                })
                .toList();

        // When they are delivered
        send(id, requests, 1);

        // Then each outcome carries the replay id of its requests, and the replayed ones are counted apart
        await().until(() ->
                outcomes(id).stream().mapToInt(o -> o.getMessageIds().size()).sum() >= 5);
        assertThat(outcomes(id)).allSatisfy(o -> assertThat(o.getReplayId())
                .isEqualTo(
                        o.getMessageIds().get(0).endsWith("m0")
                                        || o.getMessageIds().get(0).endsWith("m1")
                                ? null
                                : "rp-test"));
        assertThat(outcomes(id).stream()
                        .filter(o -> "rp-test".equals(o.getReplayId()))
                        .flatMap(o -> o.getMessageIds().stream()))
                .containsExactlyInAnyOrder(id + "-m2", id + "-m3", id + "-m4");
        await().until(() -> counter(DeliveryMetrics.DELIVERED, id) == 5);
        assertThat(counter(DeliveryMetrics.REPLAYED, id)).isEqualTo(3);
    }

    @Test
    void shouldStartAStoppedWorkerAgainAndDeliverWhatItHadNotFinished() throws Exception {
        // Given: a destination whose retry topic is missing, so the first retry cannot be recorded
        FakeDestination server = server(new FakeDestination(r -> FakeDestination.Reply.of(503)));
        String id = newId("restart");
        try (Admin kafkaAdmin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            kafkaAdmin
                    .createTopics(List.of(
                            new NewTopic(Topics.destination(id).name(), 1, (short) 1),
                            new NewTopic(Topics.deadLetter(id).name(), 1, (short) 1)))
                    .all()
                    .get();
            view.put(Requests.workspace("restart-ws", Requests.destination(id, null)));
            DeliveryApp app = startApp(fastConfig(
                    Map.of("switchboard.delivery.restart-delay", "500ms", "kafka.producer.max.block.ms", "1000")));
            send(id, List.of(Requests.single(id, server.url("/r"), id + "-m1")), 1);

            // When: the worker stops (its retry could not be written), then the topic appears and the
            // destination recovers
            await().until(() -> !app.healthy());
            kafkaAdmin
                    .createTopics(List.of(new NewTopic(Topics.retry(id).name(), 1, (short) 1)))
                    .all()
                    .get();
            server.behaviour(r -> FakeDestination.Reply.of(200));

            // Then: started again from the last commit, it delivers the request it had not finished
            await().until(() -> outcomes(id).stream().anyMatch(o -> o.getStatus() == DeliveryStatus.DELIVERED));
            await().until(app::healthy);
            assertThat(outcomes(id))
                    .filteredOn(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                    .flatExtracting(DeliveryOutcome::getMessageIds)
                    .containsExactly(id + "-m1");
        }
    }

    @Test
    void shouldRecordUnreadableRecordsOnTheRejectedTopicAndDeliverTheRest() {
        // Given: garbage, a tombstone and a good request for one user (so one partition, in that order)
        FakeDestination server = server(FakeDestination.ok());
        String id = newId("unreadable");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("unreadable-ws", Requests.destination(id, null)));
        startApp(fastConfig(Map.of()));
        String user = "user-" + id;
        byte[] garbage = {(byte) 0xC3, 0x01, 'n', 'o', 't', ' ', 'a', 'v', 'r', 'o'};
        topics.sendRaw(Topics.destination(id).name(), user, garbage);
        topics.sendRaw(Topics.destination(id).name(), user, null);
        topics.send(Topics.destination(id), user, Requests.single(id, server.url("/u"), id + "-good"));

        // When the worker has read them
        await().until(() -> outcomes(id).size() == 1);

        // Then the good one is delivered, each bad one is on sb.rejected with its bytes, and the
        // partition is committed past all three
        assertThat(server.received()).hasSize(1);
        List<Rejected> rejected = topics.values(Topics.REJECTED, user);
        assertThat(rejected).hasSize(2).allSatisfy(r -> {
            assertThat(r.getStage()).isEqualTo("deliver");
            assertThat(r.getCode()).isEqualTo("unreadable");
            assertThat(r.getDestinationId()).isEqualTo(id);
        });
        assertThat(rejected.get(0).getOriginal()).isEqualTo(java.nio.ByteBuffer.wrap(garbage));
        assertThat(rejected.get(0).getReason()).contains("cannot be decoded");
        assertThat(rejected.get(1).getOriginal()).isNull();
        await().until(() ->
                topics.committed("sb-delivery-" + id, Topics.destination(id).name()) == 3);
    }

    @Test
    void shouldStartAWorkerWhenADestinationIsAddedAndItsTopicAppearsLater() {
        // Given an app running with no destination
        FakeDestination server = server(FakeDestination.ok());
        DeliveryApp app = startApp(fastConfig(Map.of()));
        String id = newId("late");

        // When the destination is configured first, and its topics are created afterwards
        view.put(Requests.workspace("late-ws", Requests.destination(id, null)));
        await().until(() -> app.destinations().contains(id));
        admin.createDestinations(List.of(id));
        send(id, List.of(Requests.single(id, server.url("/late"), id + "-m1")), 1);

        // Then
        await().until(() -> server.received().size() == 1);
        await().until(() -> outcomes(id).size() == 1);
        assertThat(app.healthy()).isTrue();
    }

    @Test
    void shouldStopTheWorkerWhenADestinationIsDisabled() {
        // Given
        String id = newId("disabled");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("dis-ws", Requests.destination(id, null)));
        DeliveryApp app = startApp(fastConfig(Map.of()));
        await().until(() -> app.destinations().contains(id));

        // When
        view.put(Requests.workspace(
                "dis-ws", new dev.switchboard.workspace.config.DestinationConfig(id, "webhook", null, false, null)));

        // Then
        await().until(() -> !app.destinations().contains(id));
        assertThat(app.healthy()).isTrue();
    }

    @Test
    void shouldFinishInFlightCallsRecordThemAndCommitWhenClosed() {
        // Given a slow destination with requests in flight
        FakeDestination server = server(new FakeDestination(r -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeDestination.Reply.of(200);
        }));
        String id = newId("closing");
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace("ws-close", Requests.destination(id, null)));
        DeliveryApp app = startApp(fastConfig(Map.of("switchboard.delivery.max-in-flight", "4")));
        send(
                id,
                IntStream.range(0, 40)
                        .mapToObj(i -> Requests.single(id, server.url("/slow"), id + "-m" + i))
                        .toList(),
                1);
        await().until(() -> !server.received().isEmpty());

        // When
        app.close();

        // Then every call that reached the destination has its outcome, and exactly those are committed
        List<String> called =
                server.received().stream().map(r -> r.header("Idempotency-Key")).toList();
        List<String> recorded =
                outcomes(id).stream().flatMap(o -> o.getMessageIds().stream()).toList();
        assertThat(recorded).containsExactlyInAnyOrderElementsOf(called);
        assertThat(called).hasSizeLessThan(40);
        assertThat(topics.committed("sb-delivery-" + id, "sb.dest." + id)).isEqualTo(called.size());
        assertThat(app.healthy()).isFalse();
    }
}
