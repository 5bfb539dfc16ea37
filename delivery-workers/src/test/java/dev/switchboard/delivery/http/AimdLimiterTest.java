/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AimdLimiterTest {

    @Test
    void shouldHalveOnceWhenABurstOfCallsSentBeforeTheDecreaseIsThrottled() {
        // Given
        AimdLimiter limiter = new AimdLimiter(16);

        // When four calls sent at t=0 are throttled at t=10..13
        for (int i = 0; i < 4; i++) {
            limiter.onThrottle(0, 10 + i);
        }

        // Then
        assertThat(limiter.limit()).isEqualTo(8);
    }

    @Test
    void shouldHalveAgainWhenACallSentAfterTheDecreaseIsThrottled() {
        AimdLimiter limiter = new AimdLimiter(16);
        limiter.onThrottle(0, 10);
        limiter.onThrottle(11, 20);
        assertThat(limiter.limit()).isEqualTo(4);
    }

    @Test
    void shouldNeverGoBelowOneWhenThrottledRepeatedly() {
        AimdLimiter limiter = new AimdLimiter(4);
        for (int t = 0; t < 100; t += 2) {
            limiter.onThrottle(t + 1, t + 2);
        }
        assertThat(limiter.limit()).isEqualTo(1);
    }

    @Test
    void shouldClimbBackToTheMaximumWhenCallsSucceed() {
        // Given
        AimdLimiter limiter = new AimdLimiter(8);
        limiter.onThrottle(0, 1);
        assertThat(limiter.limit()).isEqualTo(4);

        // When
        for (int i = 0; i < 5; i++) {
            limiter.onSuccess();
        }

        // Then additive: about one step per limit's worth of successes (4 + 1/4 + 1/4.25 + ... > 5)
        assertThat(limiter.limit()).isEqualTo(5);
        for (int i = 0; i < 100; i++) {
            limiter.onSuccess();
        }
        assertThat(limiter.limit()).isEqualTo(8);
    }
}
