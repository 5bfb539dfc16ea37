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
}
