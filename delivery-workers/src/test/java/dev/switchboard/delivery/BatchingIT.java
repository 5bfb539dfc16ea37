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
import dev.switchboard.delivery.testing.PartialFailureRules;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.PartialFailureOthers;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import dev.switchboard.workspace.config.DeliveryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Batch destinations, partially failed batches and per-user ordering. */
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

    /** Starts delivery for destination {@code id} of workspace {@code ws}; batches linger 1 s to fill. */
    private void startLingering(String id, String ws) {
        admin.createDestinations(List.of(id));
        view.put(Requests.workspace(ws, Requests.destination(id, null)));
        startApp(fastConfig(Map.of("switchboard.delivery.batch.linger", "1s")));
    }

    /** Waits until one request of the batch is dead-lettered and two are delivered, all by its one call. */
    private void awaitOneDeadLetterAndTwoDeliveredByOneCall(String id, FakeDestination server) {
        await().until(() -> topics.readAll(Topics.deadLetter(id)).size() == 1
                && idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED).size() == 2);
        assertThat(server.received()).hasSize(1);
        assertThat(messageIds(parse(server.received().get(0).body())))
                .containsExactly(id + "-m0", id + "-m1", id + "-m2");
    }

    /**
     * Asserts that {@code rejected} alone was dead-lettered as a partial failure of an answer with
     * {@code status}, and that the batch's other requests were delivered once and not retried.
     *
     * @return the dead letter's one attempt, for the evidence it keeps
     */
    private DeliveryAttempt assertOnlyPartialFailure(String id, String rejected, int status) {
        DeadLetter letter = topics.readAll(Topics.deadLetter(id)).get(0).value();
        assertThat(letter.getRequest().getMessageIds()).containsExactly(rejected);
        assertThat(letter.getReason()).isEqualTo("partial_failure");
        assertThat(letter.getAttempts()).hasSize(1);
        DeliveryAttempt attempt = letter.getAttempts().get(0);
        assertThat(attempt.getHttpStatus()).isEqualTo(status);
        assertThat(attempt.getErrorClass()).isEqualTo("partial_failure");
        List<String> others = IntStream.range(0, 3)
                .mapToObj(i -> id + "-m" + i)
                .filter(m -> !m.equals(rejected))
                .toList();
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED)).containsExactlyInAnyOrderElementsOf(others);
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.FAILED)).containsExactly(rejected);
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.RETRYING)).isEmpty();
        assertThat(topics.readAll(Topics.retry(id))).isEmpty();
        return attempt;
    }

    /** Three batchable requests of one user whose destination reports failed items like Mixpanel. */
    private static List<DestinationRequest> partialBatch(String id, String url, PartialFailureOthers others) {
        return partialBatch(
                id,
                url,
                PartialFailureSpec.newBuilder()
                        .setStatuses(List.of(400))
                        .setFailedIndexes(List.of("$.failed_records[*].index"))
                        .setOthers(others)
                        .build());
    }

    /** Three batchable requests of one user whose destination reports failed items by {@code rule}. */
    private static List<DestinationRequest> partialBatch(String id, String url, PartialFailureSpec rule) {
        return IntStream.range(0, 3)
                .mapToObj(i -> {
                    DestinationRequest r =
                            Requests.batchable(id, url, id + "-m" + i, "k", BatchFormat.JSON_ARRAY, 3, 100_000);
                    r.getBatch().setPartialFailure(rule);
                    return r;
                })
                .toList();
    }

    /** 400 naming the index of {@code rejected} when a batch holds it (once with {@code once}), else 200. */
    private static Reply rejecting(Received r, String rejected, AtomicBoolean once) {
        List<String> ids = messageIds(parse(r.body()));
        int index = ids.indexOf(rejected);
        if (index < 0 || (once != null && !once.compareAndSet(false, true))) {
            return Reply.of(200);
        }
        return Reply.of(
                400,
                Map.of("Content-Type", "application/json"),
                "{\"code\":400,\"num_records_imported\":" + (ids.size() - 1) + ",\"failed_records\":[{\"index\":"
                        + index + ",\"field\":\"properties.time\"}]}");
    }

    /**
     * A vendor that answers {@code status} with the JSON {@code body} of {@code item}'s index when a batch
     * holds it, else {@code otherwise}.
     */
    private static Function<Received, Reply> naming(String item, int otherwise, int status, IntFunction<String> body) {
        return r -> {
            int index = messageIds(parse(r.body())).indexOf(item);
            return index < 0
                    ? Reply.of(otherwise)
                    : Reply.of(status, Map.of("Content-Type", "application/json"), body.apply(index));
        };
    }

    private static List<String> idsWithStatus(List<DeliveryOutcome> outcomes, DeliveryStatus status) {
        return outcomes.stream()
                .filter(o -> o.getStatus() == status)
                .flatMap(o -> o.getMessageIds().stream())
                .toList();
    }

    @Test
    void shouldDeadLetterOnlyTheNamedItemAndDeliverTheOthersWhenTheVendorImportedThem() {
        // Given a vendor that answers 400 naming item m1 of a batch, and took the other items
        String id = newId("partial-delivered");
        FakeDestination server = server(new FakeDestination(r -> rejecting(r, id + "-m1", null)));
        startLingering(id, "ws-pd");

        // When three requests that batch together arrive
        send(id, partialBatch(id, server.url("/import"), PartialFailureOthers.DELIVERED), 1);

        // Then m1 alone is dead-lettered, with the vendor's answer as evidence, and m0 and m2 are delivered
        awaitOneDeadLetterAndTwoDeliveredByOneCall(id, server);
        DeliveryAttempt attempt = assertOnlyPartialFailure(id, id + "-m1", 400);
        assertThat(attempt.getResponseBody()).contains("\"failed_records\":[{\"index\":1");
    }

    @Test
    void shouldDeadLetterTheNamedItemAndRetryTheOthersWhenTheVendorRejectedTheWholeBatch() {
        // Given a vendor that rejects the first batch, naming item m1, and takes the next one
        String id = newId("partial-retry");
        AtomicBoolean rejectedOnce = new AtomicBoolean();
        FakeDestination server = server(new FakeDestination(r -> rejecting(r, id + "-m1", rejectedOnce)));
        startLingering(id, "ws-pr");

        // When three requests that batch together arrive
        send(id, partialBatch(id, server.url("/import"), PartialFailureOthers.RETRY), 1);

        // Then m1 is dead-lettered, and m0 and m2 go through the retry topic and are delivered on the next call
        await().until(() ->
                idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED).size() == 2);
        assertThat(server.received()).hasSize(2);
        assertThat(messageIds(parse(server.received().get(0).body())))
                .containsExactly(id + "-m0", id + "-m1", id + "-m2");
        assertThat(messageIds(parse(server.received().get(1).body()))).containsExactly(id + "-m0", id + "-m2");
        assertThat(topics.readAll(Topics.deadLetter(id))).singleElement().satisfies(rec -> {
            assertThat(rec.value().getRequest().getMessageIds()).containsExactly(id + "-m1");
            assertThat(rec.value().getReason()).isEqualTo("partial_failure");
        });
        assertThat(topics.readAll(Topics.retry(id)))
                .extracting(rec -> rec.value().getRequest().getMessageIds().get(0))
                .containsExactlyInAnyOrder(id + "-m0", id + "-m2");
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.RETRYING))
                .containsExactlyInAnyOrder(id + "-m0", id + "-m2");
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.FAILED)).containsExactly(id + "-m1");
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED))
                .containsExactlyInAnyOrder(id + "-m0", id + "-m2");
        assertThat(outcomes(id))
                .filteredOn(o -> o.getStatus() == DeliveryStatus.RETRYING)
                .singleElement()
                .satisfies(o -> assertThat(o.getErrorClass()).isEqualTo("partial_failure_other"));
    }

    @Test
    void shouldDeadLetterTheWholeBatchWhenThe400NamesNoItem() {
        // Given a vendor whose 400 does not say which items failed
        String id = newId("partial-unknown");
        FakeDestination server = server(new FakeDestination(r -> Reply.of(400, Map.of(), "Bad Request")));
        startLingering(id, "ws-pu");

        // When
        send(id, partialBatch(id, server.url("/import"), PartialFailureOthers.DELIVERED), 1);

        // Then today's rule for a 400 holds for every item
        await().until(() -> topics.readAll(Topics.deadLetter(id)).size() == 3);
        assertThat(topics.readAll(Topics.deadLetter(id)))
                .allSatisfy(rec -> assertThat(rec.value().getReason()).isEqualTo("non_retryable: http_4xx"));
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED)).isEmpty();
    }

    @Test
    void shouldDeadLetterTheBatchWhenA200BodySaysTheVendorRejectedIt() {
        // Given a vendor that, like Mixpanel's /engage?verbose=1, answers 200 with {"status": 0} to a rejection
        String id = newId("body-rejected");
        FakeDestination server = server(new FakeDestination(r -> Reply.of(
                200, Map.of("Content-Type", "application/json"), "{\"error\":\"$token missing\",\"status\":0}")));
        startLingering(id, "ws-br");
        SuccessBodySpec check = SuccessBodySpec.newBuilder()
                .setPath("$.status")
                .setValues(List.of("1"))
                .build();
        List<DestinationRequest> batch = partialBatch(id, server.url("/engage"), PartialFailureOthers.DELIVERED);
        batch.forEach(r -> r.setSuccessBody(check));

        // When three requests that batch together arrive
        send(id, batch, 1);

        // Then none is counted delivered: all three are dead-lettered once, the answer kept as evidence
        await().until(() -> topics.readAll(Topics.deadLetter(id)).size() == 3);
        assertThat(server.received()).hasSize(1);
        assertThat(topics.readAll(Topics.deadLetter(id))).allSatisfy(rec -> {
            assertThat(rec.value().getReason()).isEqualTo("non_retryable: rejected_in_body");
            assertThat(rec.value().getAttempts()).singleElement().satisfies(a -> {
                assertThat(a.getHttpStatus()).isEqualTo(200);
                assertThat(a.getResponseBody()).contains("$token missing");
            });
        });
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED)).isEmpty();
        assertThat(topics.readAll(Topics.retry(id))).isEmpty();
    }

    /** Pinterest's 200: one element per event received, in order, {@code failed} for {@code rejected}. */
    private static Reply pinterest(Received r, String rejected) {
        List<String> ids = messageIds(parse(r.body()));
        StringBuilder events = new StringBuilder();
        for (String m : ids) {
            events.append(events.isEmpty() ? "" : ",")
                    .append(
                            m.equals(rejected)
                                    ? "{\"status\":\"failed\",\"error_message\":\"event_time is older than 7 days\"}"
                                    : "{\"status\":\"processed\",\"error_message\":null}");
        }
        int processed = ids.contains(rejected) ? ids.size() - 1 : ids.size();
        return Reply.of(
                200,
                Map.of("Content-Type", "application/json"),
                "{\"num_events_received\":" + ids.size() + ",\"num_events_processed\":" + processed + ",\"events\":["
                        + events + "]}");
    }

    @Test
    void shouldDeadLetterOnlyTheFailedEventAndDeliverTheOthersOnceWhenA200BodySaysOneFailed() {
        // Given a vendor that, like Pinterest, answers 200 and marks item m1 of the batch failed in its body
        String id = newId("partial-200");
        FakeDestination server = server(new FakeDestination(r -> pinterest(r, id + "-m1")));
        startLingering(id, "ws-p200");

        // When three requests that batch together arrive
        send(id, partialBatch(id, server.url("/v5/ad_accounts/1/events"), PartialFailureRules.PINTEREST), 1);

        // Then m1 alone is dead-lettered with Pinterest's reason, and m0 and m2 are delivered by that one call
        awaitOneDeadLetterAndTwoDeliveredByOneCall(id, server);
        DeliveryAttempt attempt = assertOnlyPartialFailure(id, id + "-m1", 200);
        assertThat(attempt.getError())
                .isEqualTo("{\"status\":\"failed\",\"error_message\":\"event_time is older than 7 days\"}");
        assertThat(attempt.getResponseBody()).contains("\"num_events_processed\":2");
    }

    @Test
    void shouldDeadLetterOnlyTheNamedItemAndDeliverTheOthersOnceWhenA207NamesItsBatchIndex() {
        // Given a vendor that, like Customer.io's batch endpoint, answers 207 naming item m2 by batch_index
        String id = newId("partial-207");
        FakeDestination server = server(new FakeDestination(naming(
                id + "-m2",
                200,
                207,
                index -> "{\"errors\":[{\"batch_index\":" + index
                        + ",\"reason\":\"invalid\",\"field\":\"name\",\"message\":\"name is required\"}]}")));
        startLingering(id, "ws-p207");

        // When three requests that batch together arrive
        send(id, partialBatch(id, server.url("/api/v2/batch"), PartialFailureRules.CUSTOMERIO), 1);

        // Then m2 alone is dead-lettered with Customer.io's error, m0 and m1 are delivered by that one call
        awaitOneDeadLetterAndTwoDeliveredByOneCall(id, server);
        DeliveryAttempt attempt = assertOnlyPartialFailure(id, id + "-m2", 207);
        assertThat(attempt.getError()).contains("\"batch_index\":2").contains("name is required");
    }

    @Test
    void shouldDeadLetterOnlyTheInputWhoseIdA207NamesAndDeliverTheOthersOnce() {
        // Given a vendor that, like HubSpot's batch upsert, answers 207 naming the failed input by the id it
        // was sent with (here each item's messageId), not by its position
        String id = newId("partial-ids");
        FakeDestination server = server(new FakeDestination(r -> Reply.of(
                207,
                Map.of("Content-Type", "application/json"),
                "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"numErrors\":1,"
                        + "\"errors\":[{\"status\":\"error\",\"category\":\"VALIDATION_ERROR\","
                        + "\"message\":\"Property values were not valid\",\"context\":{\"ids\":[\"" + id
                        + "-m1\"]}}]}")));
        startLingering(id, "ws-pids");
        PartialFailureSpec hubspot = PartialFailureSpec.newBuilder(PartialFailureRules.HUBSPOT)
                .setItemId("$.messageId")
                .build();

        // When three requests that batch together arrive
        send(id, partialBatch(id, server.url("/crm/v3/objects/contacts/batch/upsert"), hubspot), 1);

        // Then m1 alone is dead-lettered with HubSpot's error, m0 and m2 are delivered by that one call
        awaitOneDeadLetterAndTwoDeliveredByOneCall(id, server);
        DeliveryAttempt attempt = assertOnlyPartialFailure(id, id + "-m1", 207);
        assertThat(attempt.getError())
                .contains("\"category\":\"VALIDATION_ERROR\"")
                .contains("Property values were not valid");
    }

    @Test
    void shouldDeadLetterOnlyTheEventA400PointsAtAndDeliverTheOthersOnceOnTheNextCall() {
        // Given a vendor that, like Klaviyo's bulk-create jobs, refuses the first job with a JSON:API error
        // whose source.pointer holds the failed event's index, and takes the next job
        String id = newId("partial-pointer");
        IntFunction<String> refusal = index -> "{\"errors\":[{\"id\":\"e1\",\"status\":400,\"code\":\"invalid\","
                + "\"title\":\"Invalid input.\",\"detail\":\"'time' must be in the past\",\"source\":{\"pointer\":"
                + "\"/data/attributes/events-bulk-create/data/" + index
                + "/attributes/events/data/0/attributes/time\"}}]}";
        FakeDestination server = server(new FakeDestination(naming(id + "-m2", 202, 400, refusal)));
        startLingering(id, "ws-pptr");

        // When three requests that batch together arrive
        send(id, partialBatch(id, server.url("/api/event-bulk-create-jobs/"), PartialFailureRules.KLAVIYO), 1);

        // Then m2 is dead-lettered with Klaviyo's error, and m0 and m1, which the refused job did not
        // create, are delivered once by the next call
        await().until(() ->
                idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED).size() == 2);
        assertThat(server.received()).hasSize(2);
        assertThat(messageIds(parse(server.received().get(1).body()))).containsExactly(id + "-m0", id + "-m1");
        assertThat(topics.readAll(Topics.deadLetter(id))).singleElement().satisfies(rec -> {
            assertThat(rec.value().getRequest().getMessageIds()).containsExactly(id + "-m2");
            assertThat(rec.value().getReason()).isEqualTo("partial_failure");
            assertThat(rec.value().getAttempts().get(0).getError())
                    .contains("'time' must be in the past")
                    .contains("\"id\":\"e1\"");
        });
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED))
                .containsExactlyInAnyOrder(id + "-m0", id + "-m1");
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.FAILED)).containsExactly(id + "-m2");
    }

    @Test
    void shouldDeliverTheWholeBatchOnceWhenA200BodyNamesNoFailedEvent() {
        // Given a vendor that, like Pinterest, answers 200 with every event processed
        String id = newId("partial-none");
        FakeDestination server = server(new FakeDestination(r -> pinterest(r, "none")));
        startLingering(id, "ws-pn");

        // When
        send(id, partialBatch(id, server.url("/v5/ad_accounts/1/events"), PartialFailureRules.PINTEREST), 1);

        // Then it is a full success: all three delivered by one call, nothing dead-lettered or retried
        await().until(() ->
                idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED).size() == 3);
        assertThat(server.received()).hasSize(1);
        assertThat(idsWithStatus(outcomes(id), DeliveryStatus.DELIVERED))
                .containsExactlyInAnyOrder(id + "-m0", id + "-m1", id + "-m2");
        assertThat(topics.readAll(Topics.deadLetter(id))).isEmpty();
        assertThat(topics.readAll(Topics.retry(id))).isEmpty();
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
