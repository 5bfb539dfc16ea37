/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.http.Classification;
import dev.switchboard.delivery.http.StatusClass;
import dev.switchboard.delivery.http.StatusTable;
import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Classification RETRYABLE = new Classification(StatusClass.RETRYABLE, "http_5xx");
    private final RetryPolicy policy =
            new RetryPolicy(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(10), () -> 1.0), Duration.ofHours(4));

    @Test
    void shouldRetryAfterTheBackoffWhenInsideTheWindow() {
        Decision d = policy.decide(RETRYABLE, 3, T0, T0.plusSeconds(10), Optional.empty());
        assertThat(d).isEqualTo(new Decision.Retry(T0.plusSeconds(14)));
    }

    @Test
    void shouldWaitForRetryAfterWhenItIsLongerThanTheBackoff() {
        Decision d = policy.decide(RETRYABLE, 1, T0, T0, Optional.of(Duration.ofSeconds(30)));
        assertThat(d).isEqualTo(new Decision.Retry(T0.plusSeconds(30)));
    }

    @Test
    void shouldNotCountTimePausedAgainstTheWindowWhenTheDestinationWasPaused() {
        Instant now = T0.plus(Duration.ofHours(4)).minusSeconds(5);

        Decision paused = policy.decide(RETRYABLE, 20, T0, now, Optional.empty(), Duration.ofHours(1));
        Decision notPaused = policy.decide(RETRYABLE, 20, T0, now, Optional.empty(), Duration.ZERO);

        assertThat(paused).isInstanceOf(Decision.Retry.class);
        assertThat(notPaused).isInstanceOf(Decision.DeadLetter.class);
    }

    @Test
    void shouldDeadLetterWhenTheNextAttemptWouldFallAfterTheWindow() {
        Decision d =
                policy.decide(RETRYABLE, 20, T0, T0.plus(Duration.ofHours(4)).minusSeconds(5), Optional.empty());
        assertThat(d).isInstanceOfSatisfying(Decision.DeadLetter.class, dl -> assertThat(dl.reason())
                .startsWith(RetryPolicy.WINDOW_EXPIRED)
                .contains("20 attempts"));
    }

    @Test
    void shouldDeadLetterWithReasonPartialFailureWhenTheDestinationNamedTheItem() {
        Decision d = policy.decide(
                new Classification(StatusClass.FATAL, StatusTable.PARTIAL_FAILURE), 2, T0, T0, Optional.empty());
        assertThat(d).isEqualTo(new Decision.DeadLetter(RetryPolicy.PARTIAL_FAILURE));
        assertThat(RetryPolicy.PARTIAL_FAILURE).isEqualTo("partial_failure");
    }

    @Test
    void shouldDeadLetterAtOnceWhenTheAnswerIsFatal() {
        Decision d = policy.decide(new Classification(StatusClass.FATAL, "http_4xx"), 1, T0, T0, Optional.empty());
        assertThat(d).isEqualTo(new Decision.DeadLetter("non_retryable: http_4xx"));
    }

    @Test
    void shouldBeDoneWhenDelivered() {
        assertThat(policy.decide(new Classification(StatusClass.DELIVERED, null), 1, T0, T0, Optional.empty()))
                .isEqualTo(new Decision.Done());
    }
}
