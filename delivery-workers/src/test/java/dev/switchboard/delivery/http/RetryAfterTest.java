/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void shouldReadDeltaSecondsWhenRetryAfterIsANumber() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "2"), NOW)).contains(Duration.ofSeconds(2));
        assertThat(RetryAfter.parse(Map.of("retry-after", " 120 "), NOW)).contains(Duration.ofSeconds(120));
    }

    @Test
    void shouldReadAnHttpDateWhenRetryAfterIsADate() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "Tue, 24 Nov 2026 12:00:30 GMT"), NOW))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void shouldWaitZeroWhenTheDateIsPast() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "Tue, 24 Nov 2026 11:00:00 GMT"), NOW))
                .contains(Duration.ZERO);
    }

    @Test
    void shouldReadEpochSecondsWhenXRateLimitResetIsATimestamp() {
        long reset = NOW.getEpochSecond() + 7;
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", Long.toString(reset)), NOW))
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void shouldReadDeltaSecondsWhenXRateLimitResetIsSmall() {
        assertThat(RetryAfter.parse(Map.of("x-ratelimit-reset", "1.5"), NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void shouldPreferRetryAfterWhenBothHeadersArePresent() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "3", "X-RateLimit-Reset", "60"), NOW))
                .contains(Duration.ofSeconds(3));
    }

    @Test
    void shouldCapTheWaitWhenADestinationAsksForTooLongOrAnAbsurdValue() {
        // a value too large for a long, one whose nanoseconds overflow, and a date far away
        assertThat(RetryAfter.parse(Map.of("Retry-After", "99999999999999999999"), NOW))
                .contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.parse(Map.of("Retry-After", "9999999999"), NOW)).contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.parse(Map.of("Retry-After", "18000"), NOW)).contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.parse(Map.of("Retry-After", "Fri, 01 Jan 2100 00:00:00 GMT"), NOW))
                .contains(RetryAfter.MAX_WAIT);
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", "99999999999999999999"), NOW))
                .isEmpty();
        assertThat(RetryAfter.MAX_WAIT.toNanos()).isPositive();
    }

    @Test
    void shouldReadEpochMillisecondsWhenXRateLimitResetIsThatLarge() {
        long resetMillis = NOW.plusSeconds(30).toEpochMilli();
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", Long.toString(resetMillis)), NOW))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void shouldIgnoreTheHeaderWhenItCannotBeParsed() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", "soon"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Map.of("X-RateLimit-Reset", "-1"), NOW)).isEmpty();
        assertThat(RetryAfter.parse(Map.of(), NOW)).isEmpty();
    }
}
