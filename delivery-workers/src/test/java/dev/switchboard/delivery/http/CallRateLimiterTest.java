/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallRateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowOneSecondsWorthThenRefuseWhenCallsBurst() {
        // Given
        CallRateLimiter limiter = new CallRateLimiter(5, 0);

        // When five calls go at once
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(0)).isTrue();
        }

        // Then the sixth waits for a refill
        assertThat(limiter.tryAcquire(0)).isFalse();
        assertThat(limiter.tryAcquire(SECOND / 5)).isTrue();
        assertThat(limiter.tryAcquire(SECOND / 5)).isFalse();
    }

    @Test
    void shouldNeverRefuseWhenTheRateIsZero() {
        CallRateLimiter limiter = new CallRateLimiter(0, 0);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryAcquire(0)).isTrue();
        }
    }

    @Test
    void shouldNotSaveMoreThanOneSecondsWorthWhenIdle() {
        CallRateLimiter limiter = new CallRateLimiter(2, 0);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (limiter.tryAcquire(100 * SECOND)) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(2);
    }
}
