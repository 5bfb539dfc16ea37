/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.delivery.testing.PartialFailureRules;
import dev.switchboard.schemas.avro.PartialFailureOthers;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTableTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "200, DELIVERED,",
        "201, DELIVERED,",
        "204, DELIVERED,",
        "299, DELIVERED,",
        "408, RETRYABLE, http_408",
        "423, RETRYABLE, http_423",
        "429, RETRYABLE, http_429",
        "500, RETRYABLE, http_5xx",
        "502, RETRYABLE, http_5xx",
        "503, RETRYABLE, http_5xx",
        "504, RETRYABLE, http_5xx",
        "599, RETRYABLE, http_5xx",
        "501, FATAL, http_501",
        "400, FATAL, http_4xx",
        "404, FATAL, http_4xx",
        "409, FATAL, http_4xx",
        "413, FATAL, http_4xx",
        "422, FATAL, http_4xx",
        "401, FATAL, http_auth",
        "403, FATAL, http_auth",
        "301, FATAL, http_unexpected",
        "100, FATAL, http_unexpected"
    })
    void shouldClassifyAStatusWhenADestinationAnswers(int status, StatusClass expected, String errorClass) {
        // When
        Classification c = StatusTable.classify(HttpResult.response(status, java.util.Map.of(), "", Instant.now(), 1));

        // Then
        assertThat(c.statusClass()).isEqualTo(expected);
        assertThat(c.errorClass()).isEqualTo(errorClass);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "timeout, RETRYABLE",
        "connect_timeout, RETRYABLE",
        "connect, RETRYABLE",
        "io, RETRYABLE",
        "invalid_request, FATAL"
    })
    void shouldClassifyAnErrorWhenNoResponseArrives(String errorClass, StatusClass expected) {
        // When
        Classification c = StatusTable.classify(HttpResult.failure(errorClass, "boom", Instant.now(), 1));

        // Then
        assertThat(c.statusClass()).isEqualTo(expected);
        assertThat(c.errorClass()).isEqualTo(errorClass);
    }

    private static final PartialFailureSpec MIXPANEL = PartialFailureSpec.newBuilder()
            .setStatuses(List.of(400))
            .setFailedIndexes(List.of("$.failed_records[*].index"))
            .setOthers(PartialFailureOthers.DELIVERED)
            .build();

    private static HttpResult answer(int status, String body) {
        return HttpResult.response(status, Map.of(), body, Instant.now(), 1);
    }

    @Test
    void shouldFailOnlyTheNamedItemsAndDeliverTheOthersWhenTheVendorImportedThem() {
        // When a 3-item batch's answer names item 1
        List<Classification> c =
                StatusTable.classifyItems(answer(400, "{\"failed_records\":[{\"index\":1}]}"), MIXPANEL, 3);

        // Then item 1 is dead-lettered as a partial failure and the others are delivered
        assertThat(c)
                .containsExactly(
                        new Classification(StatusClass.DELIVERED, null),
                        new Classification(StatusClass.FATAL, StatusTable.PARTIAL_FAILURE, "{\"index\":1}"),
                        new Classification(StatusClass.DELIVERED, null));
    }

    @Test
    void shouldRetryTheOthersWhenTheVendorRejectedTheWholeBatch() {
        // Given Amplitude's rule: the whole batch is rejected, so the others are sent again
        PartialFailureSpec amplitude = PartialFailureSpec.newBuilder()
                .setStatuses(List.of(400))
                .setFailedIndexes(List.of("$.events_with_invalid_fields.*[*]", "$.events_with_missing_fields.*[*]"))
                .setOthers(PartialFailureOthers.RETRY)
                .build();

        // When
        List<Classification> c = StatusTable.classifyItems(
                answer(400, "{\"events_with_invalid_fields\":{\"time\":[0,2]}}"), amplitude, 3);

        // Then
        assertThat(c)
                .extracting(Classification::statusClass)
                .containsExactly(StatusClass.FATAL, StatusClass.RETRYABLE, StatusClass.FATAL);
        assertThat(c.get(1).errorClass()).isEqualTo(StatusTable.PARTIAL_FAILURE_OTHER);
    }

    @Test
    void shouldClassifyTheWholeBatchAsTheTableSaysWhenTheBodyNamesNoItem() {
        List<Classification> c = StatusTable.classifyItems(answer(400, "not json"), MIXPANEL, 3);
        assertThat(c)
                .containsOnly(new Classification(StatusClass.FATAL, "http_4xx"))
                .hasSize(3);
    }

    @Test
    void shouldClassifyTheWholeBatchAsTheTableSaysWhenTheStatusIsNotListed() {
        String body = "{\"failed_records\":[{\"index\":1}]}";
        assertThat(StatusTable.classifyItems(answer(422, body), MIXPANEL, 3))
                .containsOnly(new Classification(StatusClass.FATAL, "http_4xx"));
        assertThat(StatusTable.classifyItems(answer(503, body), MIXPANEL, 3))
                .containsOnly(new Classification(StatusClass.RETRYABLE, "http_5xx"));
        assertThat(StatusTable.classifyItems(answer(200, body), MIXPANEL, 3))
                .containsOnly(new Classification(StatusClass.DELIVERED, null));
    }

    @Test
    void shouldClassifyTheWholeBatchAsTheTableSaysWhenTheDestinationReportsNoItems() {
        String body = "{\"failed_records\":[{\"index\":1}]}";
        assertThat(StatusTable.classifyItems(answer(400, body), null, 3))
                .containsOnly(new Classification(StatusClass.FATAL, "http_4xx"))
                .hasSize(3);
        assertThat(StatusTable.classifyItems(HttpResult.failure("timeout", "slow", Instant.now(), 1), MIXPANEL, 3))
                .containsOnly(new Classification(StatusClass.RETRYABLE, "timeout"));
    }

    @Test
    void shouldReadEveryNamedItemWhenTheAnswerIsLongerThanTheEvidenceKept() {
        // Given an answer naming 500 of 600 items, far over the 8 KB kept as evidence
        StringBuilder body = new StringBuilder("{\"failed_records\":[");
        for (int i = 0; i < 500; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"index\":")
                    .append(i)
                    .append(",\"message\":\"'properties.time' is invalid: must be seconds since epoch\"}");
        }
        body.append("]}");
        assertThat(body.length()).isGreaterThan(HttpResult.MAX_BODY_CHARS);

        // When
        List<Classification> c = StatusTable.classifyItems(answer(400, body.toString()), MIXPANEL, 600);

        // Then
        assertThat(c.subList(0, 500))
                .extracting(Classification::statusClass, Classification::errorClass)
                .containsOnly(tuple(StatusClass.FATAL, StatusTable.PARTIAL_FAILURE));
        assertThat(c.get(499).reason()).startsWith("{\"index\":499,");
        assertThat(c.subList(500, 600)).containsOnly(new Classification(StatusClass.DELIVERED, null));
    }

    private static final SuccessBodySpec ENGAGE = SuccessBodySpec.newBuilder()
            .setPath("$.status")
            .setValues(List.of("1"))
            .build();

    @Test
    void shouldDeliverA200WhenItsBodySaysSuccess() {
        assertThat(StatusTable.classify(answer(200, "{\"error\":null,\"status\":1}"), ENGAGE))
                .isEqualTo(new Classification(StatusClass.DELIVERED, null));
        assertThat(StatusTable.classify(answer(200, "{\"status\":1.0}"), ENGAGE).statusClass())
                .isEqualTo(StatusClass.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error\":\"token missing\",\"status\":0}", "0", "", "not json", "{\"other\":1}"})
    void shouldFailA200WhenItsBodyDoesNotSaySuccess(String body) {
        // Mixpanel's /engage?verbose=1 answers 200 to an update it rejects
        assertThat(StatusTable.classify(answer(200, body), ENGAGE))
                .isEqualTo(new Classification(StatusClass.FATAL, StatusTable.REJECTED_IN_BODY));
        assertThat(StatusTable.classifyItems(answer(200, body), null, ENGAGE, 2))
                .containsOnly(new Classification(StatusClass.FATAL, StatusTable.REJECTED_IN_BODY));
    }

    @Test
    void shouldKeepTheTableForNon2xxAnswersWhenABodyCheckIsDeclared() {
        assertThat(StatusTable.classify(answer(503, "{\"status\":1}"), ENGAGE))
                .isEqualTo(new Classification(StatusClass.RETRYABLE, "http_5xx"));
        assertThat(StatusTable.classify(answer(200, "{\"status\":0}"), null).statusClass())
                .isEqualTo(StatusClass.DELIVERED);
    }

    private static final PartialFailureSpec PINTEREST = PartialFailureRules.PINTEREST;
    private static final PartialFailureSpec CUSTOMERIO = PartialFailureRules.CUSTOMERIO;

    @Test
    void shouldFailTheNamedEventAndDeliverTheOthersWhenA200BodySaysOneFailed() {
        // When Pinterest answers 200 about a 3-event batch whose second event failed
        String body = "{\"num_events_received\":3,\"num_events_processed\":2,\"events\":[{\"status\":\"processed\"},"
                + "{\"status\":\"failed\",\"error_message\":\"event_time too old\"},{\"status\":\"processed\"}]}";
        List<Classification> c = StatusTable.classifyItems(answer(200, body), PINTEREST, 3);

        // Then the named event is a partial failure with Pinterest's reason, and the others are delivered
        assertThat(c)
                .containsExactly(
                        new Classification(StatusClass.DELIVERED, null),
                        new Classification(
                                StatusClass.FATAL,
                                StatusTable.PARTIAL_FAILURE,
                                "{\"status\":\"failed\",\"error_message\":\"event_time too old\"}"),
                        new Classification(StatusClass.DELIVERED, null));
    }

    @Test
    void shouldFailTheNamedItemsWhenA207NamesThemByBatchIndex() {
        String body = "{\"errors\":[{\"batch_index\":0,\"reason\":\"invalid\",\"message\":\"identifiers required\"}]}";
        List<Classification> c = StatusTable.classifyItems(answer(207, body), CUSTOMERIO, 2);
        assertThat(c)
                .extracting(Classification::statusClass, Classification::errorClass)
                .containsExactly(
                        tuple(StatusClass.FATAL, StatusTable.PARTIAL_FAILURE), tuple(StatusClass.DELIVERED, null));
        assertThat(c.get(0).reason()).contains("identifiers required");
    }

    /** The bytes of each JSON text, as items of a batch are sent. */
    private static List<byte[]> items(String... json) {
        return java.util.Arrays.stream(json)
                .map(j -> j.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void shouldFailTheItemOfTheNamedIdWhenA207NamesItById() {
        // Given HubSpot's upsert of two contacts, and its 207 naming the second contact's email
        List<byte[]> sent = items(
                "{\"idProperty\":\"email\",\"id\":\"ada@example.com\"}",
                "{\"idProperty\":\"email\",\"id\":\"bob@example.com\"}");
        String body = "{\"status\":\"COMPLETE\",\"results\":[{\"id\":\"101\"}],\"numErrors\":1,\"errors\":[{\"status\":"
                + "\"error\",\"category\":\"VALIDATION_ERROR\",\"message\":\"bad phone\",\"context\":{\"ids\":[\"bob@example.com\"]}}]}";

        // When
        List<Classification> c = StatusTable.classifyItems(answer(207, body), PartialFailureRules.HUBSPOT, null, sent);

        // Then the second is a partial failure with HubSpot's words, the first delivered
        assertThat(c)
                .extracting(Classification::statusClass, Classification::errorClass)
                .containsExactly(
                        tuple(StatusClass.DELIVERED, null), tuple(StatusClass.FATAL, StatusTable.PARTIAL_FAILURE));
        assertThat(c.get(1).reason()).contains("bad phone");
        // An answer naming an id that no item has is trusted for none: the 207 delivers both
        String other = body.replace("bob@example.com", "zed@example.com");
        assertThat(StatusTable.classifyItems(answer(207, other), PartialFailureRules.HUBSPOT, null, sent))
                .containsOnly(new Classification(StatusClass.DELIVERED, null));
    }

    @Test
    void shouldFailThePointedItemAndRetryTheOthersWhenA400PointsAtItInsideAText() {
        // Given Klaviyo's refused job of three events, the third pointed at
        String body = "{\"errors\":[{\"status\":400,\"detail\":\"bad time\","
                + "\"source\":{\"pointer\":\"/data/attributes/events-bulk-create/data/2/attributes/time\"}}]}";

        // When
        List<Classification> c = StatusTable.classifyItems(answer(400, body), PartialFailureRules.KLAVIYO, 3);

        // Then it is a partial failure, and the others, not created, are retried
        assertThat(c)
                .extracting(Classification::statusClass, Classification::errorClass)
                .containsExactly(
                        tuple(StatusClass.RETRYABLE, StatusTable.PARTIAL_FAILURE_OTHER),
                        tuple(StatusClass.RETRYABLE, StatusTable.PARTIAL_FAILURE_OTHER),
                        tuple(StatusClass.FATAL, StatusTable.PARTIAL_FAILURE));
        assertThat(c.get(2).reason()).contains("bad time");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"num_events_received\":2,\"num_events_processed\":2,\"events\":[{\"status\":\"processed\"},{\"status\":\"processed\"}]}",
                "{}",
                "",
                "not json",
                "{\"events\":[{\"status\":\"failed\"},{\"status\":\"failed\"},{\"status\":\"failed\"}]}"
            })
    void shouldDeliverEveryItemWhenA2xxBodyNamesNoFailedItemOfThisBatch(String body) {
        // A body that names none (or describes another batch: 3 events for 2) leaves the 200 a full success
        assertThat(StatusTable.classifyItems(answer(200, body), PINTEREST, 2))
                .containsExactly(
                        new Classification(StatusClass.DELIVERED, null),
                        new Classification(StatusClass.DELIVERED, null));
    }

    @Test
    void shouldDeliverTheOthersEvenWhenTheSpecSaysRetryBecauseA2xxMeansTheVendorTookThem() {
        // Given a hand-built spec the engine would refuse: retry the others of a 207
        PartialFailureSpec retry = PartialFailureSpec.newBuilder(CUSTOMERIO)
                .setOthers(PartialFailureOthers.RETRY)
                .build();

        // When / Then the item the 207 does not name is not sent again
        assertThat(StatusTable.classifyItems(answer(207, "{\"errors\":[{\"batch_index\":1}]}"), retry, 2))
                .extracting(Classification::statusClass)
                .containsExactly(StatusClass.DELIVERED, StatusClass.FATAL);
    }

    @Test
    void shouldKeepTheTableWhenA2xxIsNotTheListedOne() {
        // A rule that lists 207 only: a 200 is a full success whatever its body
        PartialFailureSpec only207 = PartialFailureRules.delivered(List.of(207), "$.errors[*].batch_index");
        assertThat(StatusTable.classifyItems(answer(200, "{\"errors\":[{\"batch_index\":1}]}"), only207, 2))
                .containsOnly(new Classification(StatusClass.DELIVERED, null));
        // and a 400 keeps its row: the whole batch is dead-lettered
        assertThat(StatusTable.classifyItems(answer(400, "{\"errors\":[{\"batch_index\":1}]}"), CUSTOMERIO, 2))
                .containsOnly(new Classification(StatusClass.FATAL, "http_4xx"));
    }

    @Test
    void shouldSplitTheBatchWhenA2xxTheBodyCheckRefusedNamesFailedItemsAndRejectItAllWhenItNamesNone() {
        // Given a destination with both a body check and a listed 2xx
        SuccessBodySpec allProcessed = new SuccessBodySpec("$.num_events_processed", List.of("2"));
        String oneFailed =
                "{\"num_events_processed\":1,\"events\":[{\"status\":\"failed\"},{\"status\":\"processed\"}]}";
        String noneNamed = "{\"num_events_processed\":0,\"events\":[]}";

        // Then the items the body names are more precise than the check: only they fail
        assertThat(StatusTable.classifyItems(answer(200, oneFailed), PINTEREST, allProcessed, 2))
                .extracting(Classification::statusClass)
                .containsExactly(StatusClass.FATAL, StatusClass.DELIVERED);
        // and a body that names none leaves the check's verdict for the whole batch
        assertThat(StatusTable.classifyItems(answer(200, noneNamed), PINTEREST, allProcessed, 2))
                .containsOnly(new Classification(StatusClass.FATAL, StatusTable.REJECTED_IN_BODY));
    }
}
