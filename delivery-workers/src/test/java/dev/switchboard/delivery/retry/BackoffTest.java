/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(30), () -> 1.0);

    @Test
    void shouldDoubleTheNominalDelayWhenAttemptsIncrease() {
        assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.nominal(5)).isEqualTo(Duration.ofSeconds(16));
    }

    @Test
    void shouldCapTheDelayWhenManyAttemptsWereMade() {
        assertThat(backoff.nominal(12)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.nominal(1000)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldRandomizeBetweenHalfAndTheNominalDelayWhenJittered() {
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(30), () -> 0.0).delay(3))
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(30), () -> 0.5).delay(3))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void shouldRefuseABaseAboveTheMaximumWhenConfigured() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), () -> 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
