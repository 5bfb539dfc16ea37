/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.tracking.config.TrackingApiConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrackingApiConfigTest {

    @Test
    void shouldUseSegmentLimitsAndLoopbackWhenNothingIsSet() {
        // When
        TrackingApiConfig config = TrackingApiConfig.defaults();

        // Then
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.maxCallBytes()).isEqualTo(32 * 1024);
        assertThat(config.maxBatchBytes()).isEqualTo(500 * 1024);
        assertThat(config.maxEventBytes()).isEqualTo(32 * 1024);
        assertThat(config.maxBatchEvents()).isEqualTo(2500);
        assertThat(config.unknownWriteKey()).isEqualTo(TrackingApiConfig.UnknownWriteKey.REJECT);
        assertThat(config.rateLimitPerSecond()).isZero();
        assertThat(config.corsOrigins()).containsExactly("*");
        assertThat(config.trustedProxies()).isEmpty();
    }

    @Test
    void shouldReadEveryKindOfValueWhenGivenProperties() {
        // When
        TrackingApiConfig config = TrackingApiConfig.from(Map.of(
                "switchboard.tracking.port", "9090",
                "switchboard.tracking.unknown-write-key", "drop",
                "switchboard.tracking.ack-timeout", "2s",
                "switchboard.tracking.rate-limit.requests-per-second", "1000",
                "switchboard.tracking.cors.allowed-origins", "https://a.example, https://b.example",
                "kafka.producer.linger.ms", "20",
                "kafka.consumer.whatever", "ignored here",
                "other.key", "ignored"));

        // Then
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.unknownWriteKey()).isEqualTo(TrackingApiConfig.UnknownWriteKey.DROP);
        assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.rateLimitPerSecond()).isEqualTo(1000);
        assertThat(config.rateLimitBurst()).isEqualTo(1000);
        assertThat(config.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(config.producerOverrides()).containsExactly(Map.entry("linger.ms", "20"));
    }

    @Test
    void shouldFailNamingTheClosestKeyWhenAKeyIsUnknown() {
        assertThatThrownBy(() -> TrackingApiConfig.from(Map.of("switchboard.tracking.prot", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.tracking.prot")
                .hasMessageContaining("switchboard.tracking.port");
    }

    @Test
    void shouldFailNamingTheKeyWhenAValueDoesNotParse() {
        assertThatThrownBy(() -> TrackingApiConfig.from(Map.of("switchboard.tracking.limits.call-bytes", "big")))
                .hasMessageContaining("switchboard.tracking.limits.call-bytes");
        assertThatThrownBy(() -> TrackingApiConfig.from(Map.of("switchboard.tracking.limits.batch-events", "0")))
                .hasMessageContaining("must be at least 1");
        assertThatThrownBy(() -> TrackingApiConfig.defaults().withPort(70000)).hasMessageContaining("65535");
        assertThatThrownBy(() -> TrackingApiConfig.from(Map.of("switchboard.tracking.unknown-write-key", "maybe")))
                .hasMessageContaining("unknown-write-key");
    }

    @Test
    void shouldReturnACopyWhenChangingHostOrPort() {
        // Given
        TrackingApiConfig defaults = TrackingApiConfig.defaults();

        // When
        TrackingApiConfig changed = defaults.withPort(0).withHost("0.0.0.0");

        // Then
        assertThat(changed.port()).isZero();
        assertThat(changed.host()).isEqualTo("0.0.0.0");
        assertThat(defaults.port()).isEqualTo(8080);
    }

    @Test
    void shouldDocumentEveryOptionWhenListingThem() {
        assertThat(TrackingApiConfig.options()).allSatisfy(o -> {
            assertThat(o.key()).startsWith(TrackingApiConfig.PREFIX);
            assertThat(o.doc()).isNotBlank();
            assertThat(o.defaultValue()).isNotNull();
        });
    }

    @Test
    void shouldLetAGivenFlagWinAndAnAbsentOneLeaveTheKeyWhenACommandLineSetsTheAddress() {
        Map<String, String> props = Map.of("switchboard.tracking.port", "9000", "switchboard.tracking.host", "0.0.0.0");
        assertThat(TrackingApiConfig.from(props, null, null).port()).isEqualTo(9000);
        assertThat(TrackingApiConfig.from(props, null, null).host()).isEqualTo("0.0.0.0");
        assertThat(TrackingApiConfig.from(props, "127.0.0.1", 7000).port()).isEqualTo(7000);
        assertThat(TrackingApiConfig.from(props, "127.0.0.1", 7000).host()).isEqualTo("127.0.0.1");
        assertThat(TrackingApiConfig.from(Map.of(), null, null).port()).isEqualTo(8080);
    }
}
