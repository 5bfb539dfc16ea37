/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.schemas.avro.PauseInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PauseClockTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void shouldCountOnlyThePartOfEachPauseInsideTheRange() {
        PauseClock clock = new PauseClock(
                false,
                null,
                null,
                List.of(
                        new PauseInterval(T.minusSeconds(100), T.minusSeconds(50)),
                        new PauseInterval(T.plusSeconds(10), T.plusSeconds(40))));

        assertThat(clock.pausedBetween(T.minusSeconds(60), T.plusSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(clock.pausedBetween(T, T.plusSeconds(100))).isEqualTo(Duration.ofSeconds(30));
        assertThat(clock.pausedBetween(T.plusSeconds(50), T.plusSeconds(100))).isZero();
    }

    @Test
    void shouldCountAPauseStillRunningUpToTheEndOfTheRange() {
        PauseClock clock = new PauseClock(true, T, "outage", List.of());

        assertThat(clock.pausedBetween(T.minusSeconds(30), T.plusSeconds(45))).isEqualTo(Duration.ofSeconds(45));
        assertThat(clock.pausedBetween(T.minusSeconds(30), T.minusSeconds(1))).isZero();
    }

    @Test
    void shouldHoldDeliveryWhileThePauseStateIsUnknown() {
        assertThat(PauseClock.UNKNOWN.paused()).isTrue();
        assertThat(PauseClock.RUNNING.paused()).isFalse();
        assertThat(PauseClock.RUNNING.pausedBetween(T, T.plusSeconds(10))).isZero();
    }
}
