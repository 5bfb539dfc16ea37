/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
