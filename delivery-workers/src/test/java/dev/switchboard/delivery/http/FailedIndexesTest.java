/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FailedIndexesTest {

    private static final List<String> MIXPANEL = List.of("$.failed_records[*].index");
    private static final List<String> AMPLITUDE =
            List.of("$.events_with_invalid_fields.*[*]", "$.events_with_missing_fields.*[*]");

    @Test
    void shouldReadIndexesWhenMixpanelListsFailedRecords() {
        // Given Mixpanel's /import answer with strict=1
        String body =
                """
                {"code":400,"error":"some data points in the request failed validation",
                 "num_records_imported":3,"status":"Bad Request",
                 "failed_records":[{"index":1,"insert_id":"b","field":"properties.time","message":"invalid"},
                                   {"index":4,"insert_id":"e","field":"event","message":"missing"}]}
                """;

        // When / Then
        assertThat(FailedIndexes.extract(body, MIXPANEL, 5))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(1, 4));
    }

    @Test
    void shouldMergeEveryMapWhenAmplitudeListsInvalidAndMissingFields() {
        // Given Amplitude's HTTP V2 answer: maps of field to event indexes
        String body =
                """
                {"code":400,"error":"Request missing required field","missing_field":"event_type",
                 "events_with_invalid_fields":{"time":[3,4,7],"user_id":[0]},
                 "events_with_missing_fields":{"event_type":[3,9]}}
                """;

        // When / Then
        assertThat(FailedIndexes.extract(body, AMPLITUDE, 10))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(0, 3, 4, 7, 9));
    }

    @Test
    void shouldReadIndexesWhenOnlyOneOfSeveralPathsIsPresent() {
        String body = "{\"events_with_missing_fields\":{\"event_type\":[2]}}";
        assertThat(FailedIndexes.extract(body, AMPLITUDE, 3))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(2));
    }

    @Test
    void shouldYieldNothingWhenTheBodyIsNotJson() {
        assertThat(FailedIndexes.extract("Bad Request", MIXPANEL, 3)).isEmpty();
        assertThat(FailedIndexes.extract("", MIXPANEL, 3)).isEmpty();
        assertThat(FailedIndexes.extract(null, MIXPANEL, 3)).isEmpty();
    }

    @Test
    void shouldYieldNothingWhenTheBodyNamesNoItem() {
        assertThat(FailedIndexes.extract("{\"code\":400,\"error\":\"Invalid API key\"}", MIXPANEL, 3))
                .isEmpty();
        assertThat(FailedIndexes.extract("{\"failed_records\":[]}", MIXPANEL, 3))
                .isEmpty();
    }

    @Test
    void shouldYieldNothingWhenAnIndexIsOutsideTheBatch() {
        String body = "{\"failed_records\":[{\"index\":0},{\"index\":3}]}";
        assertThat(FailedIndexes.extract(body, MIXPANEL, 3)).isEmpty();
        assertThat(FailedIndexes.extract("{\"failed_records\":[{\"index\":-1}]}", MIXPANEL, 3))
                .isEmpty();
    }

    @Test
    void shouldYieldNothingWhenAReachedNodeIsNotAWholeNumber() {
        assertThat(FailedIndexes.extract("{\"failed_records\":[{\"index\":\"1\"}]}", MIXPANEL, 3))
                .isEmpty();
        assertThat(FailedIndexes.extract("{\"failed_records\":[{\"index\":1.5}]}", MIXPANEL, 3))
                .isEmpty();
    }

    @Test
    void shouldYieldNothingWhenThePathIsMalformed() {
        String body = "{\"failed_records\":[{\"index\":1}]}";
        assertThat(FailedIndexes.extract(body, List.of("failed_records[*].index"), 3))
                .isEmpty();
        assertThat(FailedIndexes.extract(body, List.of("$..index"), 3)).isEmpty();
        assertThat(FailedIndexes.extract(body, List.of("$.failed_records[0].index"), 3))
                .isEmpty();
    }

    @Test
    void shouldReadTheRootWhenTheBodyIsABareArrayOfIndexes() {
        assertThat(FailedIndexes.extract("[2,0]", List.of("$[*]"), 3))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(0, 2));
    }

    private static final List<String> PINTEREST = List.of("$.events[?status=failed]");
    private static final List<String> CUSTOMERIO = List.of("$.errors[*].batch_index");

    @Test
    void shouldYieldThePositionsOfTheFailedEventsWhenPinterestAnswers200() {
        // Given Pinterest's answer: the i-th element of events is about the i-th event sent
        String body =
                """
                {"num_events_received":3,"num_events_processed":1,
                 "events":[{"status":"failed","error_message":"event_time is in the future"},
                           {"status":"processed","error_message":null,"warning_message":"currency missing"},
                           {"status":"failed","error_message":"user_data is empty"}]}
                """;

        // When
        var failures = FailedIndexes.failures(body, PINTEREST, 3);

        // Then items 0 and 2 failed, each with its own element of the answer as the reason
        assertThat(failures).hasValueSatisfying(m -> {
            assertThat(m).containsOnlyKeys(0, 2);
            assertThat(m.get(0)).isEqualTo("{\"status\":\"failed\",\"error_message\":\"event_time is in the future\"}");
            assertThat(m.get(2)).contains("user_data is empty");
        });
    }

    @Test
    void shouldYieldNothingWhenEveryPinterestEventWasProcessed() {
        String body = "{\"num_events_received\":2,\"num_events_processed\":2,"
                + "\"events\":[{\"status\":\"processed\"},{\"status\":\"processed\"}]}";
        assertThat(FailedIndexes.extract(body, PINTEREST, 2)).isEmpty();
    }

    @Test
    void shouldMatchTheFilterAsTextWhenTheMemberIsANumberOrABoolean() {
        assertThat(FailedIndexes.extract("{\"r\":[{\"code\":200},{\"code\":400}]}", List.of("$.r[?code=400]"), 2))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(1));
        assertThat(FailedIndexes.extract("[{\"ok\":true},{\"ok\":false}]", List.of("$[?ok=false]"), 2))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(1));
    }

    @Test
    void shouldSkipElementsThatAreNotObjectsOrWhoseMemberIsNotAScalarWhenFiltering() {
        // Given elements without status, with a null, an object or an array as status, and a bare string
        String body = "{\"events\":[{},{\"status\":null},{\"status\":{\"v\":\"failed\"}},"
                + "{\"status\":[\"failed\"]},\"failed\",{\"status\":\"failed\"}]}";

        // Then only the element whose status is the text failed counts
        assertThat(FailedIndexes.extract(body, PINTEREST, 6))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(5));
    }

    @Test
    void shouldYieldNothingWhenTheFilteredArrayIsMissingOrNotAnArray() {
        assertNamesNoItem(
                PINTEREST, 2, "{\"num_events_received\":2}", "{\"events\":{\"status\":\"failed\"}}", "not json");
    }

    /** Asserts that no body of {@code bodies} names an item of a batch of {@code items} by {@code paths}. */
    private static void assertNamesNoItem(List<String> paths, int items, String... bodies) {
        for (String body : bodies) {
            assertThat(FailedIndexes.extract(body, paths, items))
                    .as(paths + " in " + body)
                    .isEmpty();
        }
    }

    @Test
    void shouldTrustNoneOfTheAnswerWhenItListsMoreEventsThanTheBatchHeld() {
        // Given an answer about 3 events for a batch of 2: it is not about this batch
        String body =
                "{\"events\":[{\"status\":\"processed\"},{\"status\":\"processed\"}," + "{\"status\":\"failed\"}]}";

        // Then no item is named, so the status alone decides
        assertThat(FailedIndexes.extract(body, PINTEREST, 2)).isEmpty();
    }

    @Test
    void shouldYieldNothingWhenTheFilterIsMalformedOrNotTheLastStep() {
        for (String path : List.of(
                "$.events[?status]",
                "$.events[?=failed]",
                "$.events[?status=]",
                "$.events[?status=failed",
                "$.events[?status=failed].x")) {
            assertNamesNoItem(List.of(path), 1, "{\"events\":[{\"status\":\"failed\"}]}");
        }
    }

    @Test
    void shouldYieldTheBatchIndexesWithTheirErrorsWhenCustomerIoAnswers207() {
        // Given Customer.io's Track API v2 batch answer to a partly invalid batch
        String body =
                """
                {"errors":[{"batch_index":1,"reason":"invalid","field":"identifiers","message":"identifiers required"},
                           {"batch_index":3,"reason":"invalid","field":"name","message":"name required"},
                           {"batch_index":1,"reason":"invalid","field":"timestamp","message":"timestamp in the future"}]}
                """;

        // When
        var failures = FailedIndexes.failures(body, CUSTOMERIO, 4);

        // Then the two named items failed; item 1 carries both of its errors
        assertThat(failures).hasValueSatisfying(m -> {
            assertThat(m).containsOnlyKeys(1, 3);
            assertThat(m.get(1)).contains("identifiers required").contains("timestamp in the future");
            assertThat(m.get(3)).contains("name required");
        });
    }

    @Test
    void shouldTreatACustomerIoAnswerSafelyWhenItIsMalformed() {
        // No errors array, an empty one, a text index, a fractional one, one out of range: no item is named
        assertNamesNoItem(
                CUSTOMERIO,
                3,
                "{}",
                "{\"errors\":[]}",
                "{\"errors\":[{\"batch_index\":\"1\"}]}",
                "{\"errors\":[{\"batch_index\":1.5}]}",
                "{\"errors\":[{\"batch_index\":0},{\"batch_index\":3}]}",
                "<html>502</html>");
    }

    @Test
    void shouldGiveNoReasonWhenTheIndexesAreTheRootsOwnMembers() {
        // Amplitude's maps of field to indexes hold no per-item object
        assertThat(FailedIndexes.failures("{\"events_with_invalid_fields\":{\"time\":[1]}}", AMPLITUDE, 2))
                .hasValueSatisfying(m -> assertThat(m).containsEntry(1, null));
    }

    @Test
    void shouldCutALongReasonWhenTheAnswerSaysMuchAboutOneItem() {
        String body = "{\"errors\":[{\"batch_index\":0,\"message\":\"" + "m".repeat(5000) + "\"}]}";
        assertThat(FailedIndexes.failures(body, CUSTOMERIO, 1))
                .hasValueSatisfying(m -> assertThat(m.get(0)).hasSize(FailedIndexes.MAX_REASON_CHARS));
    }

    private static final List<String> HUBSPOT_IDS = List.of("$.errors[*].context.ids[*]");
    private static final List<String> KLAVIYO =
            List.of("$.errors[*].source.pointer ~ /^/data/attributes/events-bulk-create/data/(\\d+)(/|$)/");

    /** HubSpot's 207 naming {@code ids} in one VALIDATION_ERROR. */
    private static String hubspot(String... ids) {
        return "{\"status\":\"COMPLETE\",\"results\":[],\"numErrors\":1,\"errors\":[{\"status\":\"error\","
                + "\"category\":\"VALIDATION_ERROR\",\"message\":\"Property values were not valid\","
                + "\"context\":{\"ids\":[\"" + String.join("\",\"", ids) + "\"]}}]}";
    }

    @Test
    void shouldYieldThePositionsOfTheNamedIdsWhenHubSpotNamesFailedInputsById() {
        // Given a batch of three inputs and HubSpot's answer naming the second by its id
        List<String> ids = List.of("ada@example.com", "bob@example.com", "cy@example.com");

        // When
        var failures = FailedIndexes.failures(hubspot("bob@example.com"), List.of(), HUBSPOT_IDS, ids);

        // Then item 1 alone failed, with the error object as the reason
        assertThat(failures).hasValueSatisfying(m -> {
            assertThat(m).containsOnlyKeys(1);
            assertThat(m.get(1)).startsWith("{\"status\":\"error\",\"category\":\"VALIDATION_ERROR\"");
        });
    }

    @Test
    void shouldNameEveryItemOfAnIdOnceWhenItemsShareItOrTheAnswerNamesItTwice() {
        // Given two items sent with the same id, and an answer naming that id in two errors
        List<String> ids = List.of("a", "b", "a");
        String body = "{\"errors\":[{\"message\":\"m1\",\"context\":{\"ids\":[\"a\"]}},"
                + "{\"message\":\"m2\",\"context\":{\"ids\":[\"a\",\"a\"]}}]}";

        // When
        var failures = FailedIndexes.failures(body, List.of(), HUBSPOT_IDS, ids);

        // Then both items of id a failed, each once, with both errors as the reason
        assertThat(failures).hasValueSatisfying(m -> {
            assertThat(m).containsOnlyKeys(0, 2);
            assertThat(m.get(0)).contains("m1").contains("m2").isEqualTo(m.get(2));
        });
    }

    @Test
    void shouldTrustNoItemWhenTheAnswerNamesAnIdNoItemHas() {
        // Given an answer naming one id of the batch and one of no item (another batch's, or a changed id)
        List<String> ids = List.of("ada@example.com", "bob@example.com");

        // Then no item is named: the status alone decides
        assertThat(FailedIndexes.failures(hubspot("bob@example.com", "zed@example.com"), List.of(), HUBSPOT_IDS, ids))
                .isEmpty();
        assertThat(FailedIndexes.failures(
                        "{\"errors\":[{\"context\":{\"ids\":[{\"id\":1}]}}]}", List.of(), HUBSPOT_IDS, ids))
                .isEmpty();
        // An item whose id could not be read (null) is never named, even by an id of null
        assertThat(FailedIndexes.failures(
                        "{\"errors\":[{\"context\":{\"ids\":[null]}}]}",
                        List.of(),
                        HUBSPOT_IDS,
                        java.util.Arrays.asList("a", null)))
                .isEmpty();
    }

    @Test
    void shouldReadTheIndexInsideThePointerWhenKlaviyoRefusesAJob() {
        // Given Klaviyo's JSON:API errors pointing at the second and fourth events of a job
        String body =
                """
                {"errors":[
                  {"id":"e1","status":400,"code":"invalid","title":"Invalid input.","detail":"'time' is in the future",
                   "source":{"pointer":"/data/attributes/events-bulk-create/data/1/attributes/events/data/0/attributes/time"}},
                  {"id":"e2","status":400,"code":"invalid","title":"Invalid input.","detail":"no profile identifier",
                   "source":{"pointer":"/data/attributes/events-bulk-create/data/3"}}]}
                """;

        // When
        var failures = FailedIndexes.failures(body, KLAVIYO, 4);

        // Then items 1 and 3 failed, each with its own error object as the reason
        assertThat(failures).hasValueSatisfying(m -> {
            assertThat(m).containsOnlyKeys(1, 3);
            assertThat(m.get(1))
                    .contains("\"detail\":\"'time' is in the future\"")
                    .doesNotContain("e2");
            assertThat(m.get(3)).contains("no profile identifier");
        });
    }

    @Test
    void shouldTrustNoItemWhenAPointerDoesNotNameOneOrItsIndexIsOutsideTheBatch() {
        assertNamesNoItem(
                KLAVIYO,
                4,
                // an error about the job itself: the batch failed as a whole
                "{\"errors\":[{\"source\":{\"pointer\":\"/data/attributes/events-bulk-create/data/1\"}},"
                        + "{\"source\":{\"pointer\":\"/data/type\"}}]}",
                "{\"errors\":[{\"source\":{\"pointer\":\"/data/attributes/events-bulk-create/data/12\"}}]}",
                "{\"errors\":[{\"source\":{\"pointer\":3}}]}",
                "{\"errors\":[{\"source\":{\"pointer\":\"/data/attributes/events-bulk-create/data/12x\"}}]}",
                "{\"errors\":[]}");
    }

    @Test
    void shouldNameNoItemWhenTheRegexOfAPathIsMalformedOrCapturesNothing() {
        String body = "{\"errors\":[{\"source\":{\"pointer\":\"/data/1\"}}]}";
        assertNamesNoItem(List.of("$.errors[*].source.pointer ~ /data/(\\d+/"), 2, body);
        assertNamesNoItem(List.of("$.errors[*].source.pointer ~ /data/\\d+/"), 2, body);
        assertThat(FailedIndexes.extract(body, List.of("$.errors[*].source.pointer ~ /data/(\\d+)/"), 2))
                .hasValueSatisfying(s -> assertThat(s).containsExactly(1));
    }

    @Test
    void shouldMatchACapturedIdAsTextWhenAnAnswerNamesIdsInsideTexts() {
        // Given ids captured from messages: 007 is the id 007, not 7
        String body = "{\"errors\":[{\"message\":\"contact 007 is invalid\"}]}";
        List<String> paths = List.of("$.errors[*].message ~ /contact (\\w+) is/");
        assertThat(FailedIndexes.failures(body, List.of(), paths, List.of("7", "007")))
                .hasValueSatisfying(m -> assertThat(m).containsOnlyKeys(1));
    }
}
