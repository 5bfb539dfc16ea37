/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    @Test
    void shouldAllowEverythingWhenTheRateIsZero() {
        SourceRateLimiter off = new SourceRateLimiter(0, 0, clock::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(off.tryAcquire("s").allowed()).isTrue();
        }
    }

    @Test
    void shouldAllowTheBurstThenRefuseWithTheWaitWhenTheBucketIsEmpty() {
        // Given
        SourceRateLimiter limiter = new SourceRateLimiter(10, 3, clock::get);

        // When
        boolean[] first = {
            limiter.tryAcquire("s").allowed(),
            limiter.tryAcquire("s").allowed(),
            limiter.tryAcquire("s").allowed()
        };
        SourceRateLimiter.Decision fourth = limiter.tryAcquire("s");

        // Then
        assertThat(first).containsOnly(true);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.retryAfterNanos()).isEqualTo(100_000_000L);
    }

    @Test
    void shouldRefillAtTheRateWhenTimePasses() {
        // Given
        SourceRateLimiter limiter = new SourceRateLimiter(10, 1, clock::get);
        assertThat(limiter.tryAcquire("s").allowed()).isTrue();
        assertThat(limiter.tryAcquire("s").allowed()).isFalse();

        // When
        clock.addAndGet(100_000_000L);

        // Then
        assertThat(limiter.tryAcquire("s").allowed()).isTrue();
        assertThat(limiter.tryAcquire("s").allowed()).isFalse();
    }

    @Test
    void shouldKeepOneBucketPerSourceWhenSeveralSourcesCall() {
        SourceRateLimiter limiter = new SourceRateLimiter(1, 1, clock::get);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
    }
}
