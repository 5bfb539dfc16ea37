/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LetterFilterTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static Letter letter(Integer status, String errorClass, String reason, Instant at) {
        DeliveryAttempt a = new DeliveryAttempt(1, at, 5L, status, errorClass, null, Map.of(), null);
        DeadLetter d = new DeadLetter(Requests.single("hooks", "http://127.0.0.1/x", "m1"), List.of(a), reason, at);
        return new Letter(0, 7, "u1", d, null);
    }

    @Test
    void shouldMatchTheLastAttemptsStatusByClass() {
        Letter l503 = letter(503, "http_5xx", "retry_window_expired after 3 attempts; last: http_5xx", T);
        Letter l429 = letter(429, "http_429", "retry_window_expired", T);
        Letter timeout = letter(null, "timeout", "retry_window_expired", T);

        assertThat(new LetterFilter(null, "5xx", null, null, 0).matches(l503)).isTrue();
        assertThat(new LetterFilter(null, "4xx", null, null, 0).matches(l503)).isFalse();
        assertThat(new LetterFilter(null, "4xx", null, null, 0).matches(l429)).isTrue();
        assertThat(new LetterFilter(null, "429", null, null, 0).matches(l429)).isTrue();
        assertThat(new LetterFilter(null, "timeout", null, null, 0).matches(timeout))
                .isTrue();
        assertThat(new LetterFilter(null, "timeout", null, null, 0).matches(l503))
                .isFalse();
        assertThat(new LetterFilter(null, "503", null, null, 0).matches(l503)).isTrue();
    }

    @Test
    void shouldMatchSinceReasonAndMessageId() {
        Letter l = letter(400, "http_4xx", "non_retryable: http_4xx", T);

        assertThat(new LetterFilter(T, null, null, null, 0).matches(l)).isTrue();
        assertThat(new LetterFilter(T.plusSeconds(1), null, null, null, 0).matches(l))
                .isFalse();
        assertThat(new LetterFilter(null, null, "NON_RETRYABLE", null, 0).matches(l))
                .isTrue();
        assertThat(new LetterFilter(null, null, "window", null, 0).matches(l)).isFalse();
        assertThat(new LetterFilter(null, null, null, "m1", 0).matches(l)).isTrue();
        assertThat(new LetterFilter(null, null, null, "m2", 0).matches(l)).isFalse();
    }

    @Test
    void shouldRefuseAnUnknownStatusNamingTheAcceptedForms() {
        assertThatThrownBy(() -> new LetterFilter(null, "5xxx", null, null, 0))
                .hasMessage("unknown status '5xxx': use 4xx, 5xx, 429, timeout or an HTTP status such as 503");
        assertThatThrownBy(() -> Letter.parseId("3-4")).hasMessageContaining("PARTITION:OFFSET");
        assertThat(Letter.parseId("3:41")).containsExactly(3, 41);
    }
}
