/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WorkerConsumersTest {

    @Test
    void shouldExpireACrashedMembersSessionWithinTenSecondsUnlessTheOperatorSetsIt() {
        // Given a destination without consumer settings
        Properties p = WorkerConsumers.properties(settings(Map.of()), "127.0.0.1:9092");

        // Then a crashed member's partitions move after 10 s, not Kafka's 45 s
        assertThat(p).containsEntry("session.timeout.ms", "10000").containsEntry("heartbeat.interval.ms", "3000");
        assertThat(p).containsEntry("isolation.level", "read_committed");

        // And kafka.consumer.session.timeout.ms wins
        assertThat(WorkerConsumers.properties(settings(Map.of("session.timeout.ms", "45000")), "127.0.0.1:9092"))
                .containsEntry("session.timeout.ms", "45000");
    }

    private static WorkerTuning settings(Map<String, String> consumer) {
        return new WorkerTuning(
                "hooks",
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                Duration.ofHours(4),
                Duration.ofSeconds(1),
                Duration.ofMinutes(30),
                64,
                0,
                Duration.ZERO,
                false,
                100,
                1000,
                Duration.ofMillis(200),
                Duration.ofSeconds(30),
                consumer);
    }
}
