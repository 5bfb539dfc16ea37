/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IngestProducerTest {

    @Test
    void shouldKeepAcksAllAndIdempotenceWhenOverridesTryToChangeThem() {
        // When
        Properties p = IngestProducer.properties(
                "127.0.0.1:9092", Map.of("acks", "1", "enable.idempotence", "false", "linger.ms", "50"));

        // Then
        assertThat(p.getProperty("acks")).isEqualTo("all");
        assertThat(p.getProperty("enable.idempotence")).isEqualTo("true");
        assertThat(p.getProperty("linger.ms")).isEqualTo("50");
        assertThat(Long.parseLong(p.getProperty("delivery.timeout.ms")))
                .isGreaterThanOrEqualTo(Long.parseLong(p.getProperty("request.timeout.ms")) + 50);
    }
}
