/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.retry.RetryTiers.Plan;
import dev.switchboard.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryTiersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final RetryTiers tiers = new RetryTiers("hooks");

    @Test
    void shouldPutARetryInTheTierOfTheLargestDelayNotAboveItsWait() {
        assertThat(tiers.topicFor(NOW.plusMillis(300), NOW).name()).isEqualTo("sb.dest.hooks.retry");
        assertThat(tiers.topicFor(NOW.plusSeconds(1), NOW).name()).isEqualTo("sb.dest.hooks.retry.1s");
        assertThat(tiers.topicFor(NOW.plusSeconds(7), NOW).name()).isEqualTo("sb.dest.hooks.retry.5s");
        assertThat(tiers.topicFor(NOW.plusSeconds(599), NOW).name()).isEqualTo("sb.dest.hooks.retry.2m");
        assertThat(tiers.topicFor(NOW.plusSeconds(600), NOW).name()).isEqualTo("sb.dest.hooks.retry.10m");
        assertThat(tiers.topicFor(NOW.plus(Duration.ofHours(5)), NOW).name()).isEqualTo("sb.dest.hooks.retry.1h");
        assertThat(tiers.topics()).hasSize(1 + Topics.RETRY_TIERS.size());
    }

    @Test
    void shouldWaitInATierUntilItsDelayFromWhenTheRecordWasWritten() {
        String tier30s = Topics.retryTier("hooks", Duration.ofSeconds(30)).name();

        assertThat(tiers.plan(tier30s, NOW.minusSeconds(10), NOW.plusSeconds(50), NOW))
                .isEqualTo(new Plan.Wait(NOW.plusSeconds(20)));
    }

    @Test
    void shouldMoveDownToAShorterTierOnceTheTierDelayIsOver() {
        String tier30s = Topics.retryTier("hooks", Duration.ofSeconds(30)).name();

        Plan plan = tiers.plan(tier30s, NOW.minusSeconds(30), NOW.plusSeconds(8), NOW);

        assertThat(plan)
                .isInstanceOfSatisfying(
                        Plan.Move.class, m -> assertThat(m.topic().name()).isEqualTo("sb.dest.hooks.retry.5s"));
    }

    @Test
    void shouldWaitForTheDueTimeWhenLessThanTheFirstTierRemainsAndAttemptWhenDue() {
        String base = Topics.retry("hooks").name();
        String tier1s = Topics.retryTier("hooks", Duration.ofSeconds(1)).name();

        assertThat(tiers.plan(base, NOW.minusSeconds(5), NOW.plusMillis(400), NOW))
                .isEqualTo(new Plan.Wait(NOW.plusMillis(400)));
        assertThat(tiers.plan(tier1s, NOW.minusSeconds(1), NOW.plusMillis(200), NOW))
                .isEqualTo(new Plan.Wait(NOW.plusMillis(200)));
        assertThat(tiers.plan(base, NOW.minusSeconds(5), NOW, NOW)).isInstanceOf(Plan.Attempt.class);
    }

    @Test
    void shouldMoveARetryWrittenToTheBaseTopicWithALongWaitIntoItsTier() {
        Plan plan = tiers.plan(Topics.retry("hooks").name(), NOW, NOW.plus(Duration.ofMinutes(30)), NOW);

        assertThat(plan)
                .isInstanceOfSatisfying(
                        Plan.Move.class, m -> assertThat(m.topic().name()).isEqualTo("sb.dest.hooks.retry.10m"));
    }
}
