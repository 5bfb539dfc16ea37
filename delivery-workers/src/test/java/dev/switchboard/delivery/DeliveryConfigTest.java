/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.delivery.consume.WorkerTuning;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryConfigTest {

    @Test
    void shouldUseTheDocumentedDefaultsWhenNothingIsGiven() {
        DeliveryConfig c = DeliveryConfig.defaults();
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.retryWindow()).isEqualTo(Duration.ofHours(4));
        assertThat(c.get(DeliveryConfig.PER_USER_ORDERING)).isFalse();
    }

    @Test
    void shouldFailNamingTheClosestKeyWhenAKeyIsUnknown() {
        assertThatThrownBy(() -> DeliveryConfig.from(Map.of("switchboard.delivery.retry.windw", "1h")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("switchboard.delivery.retry-window");
    }

    @Test
    void shouldFailWhenAValueIsInvalid() {
        assertThatThrownBy(() -> DeliveryConfig.from(Map.of("switchboard.delivery.max-in-flight", "0")))
                .hasMessageContaining("max-in-flight");
        assertThatThrownBy(() -> DeliveryConfig.from(Map.of("switchboard.delivery.request-timeout", "soon")))
                .hasMessageContaining("request-timeout");
    }

    @Test
    void shouldPassKafkaClientSettingsThroughWhenPrefixed() {
        DeliveryConfig c = DeliveryConfig.from(
                Map.of("kafka.consumer.session.timeout.ms", "6000", "kafka.producer.linger.ms", "20"));
        assertThat(c.consumerOverrides()).containsExactly(Map.entry("session.timeout.ms", "6000"));
        assertThat(c.producerOverrides()).containsExactly(Map.entry("linger.ms", "20"));
    }

    @Test
    void shouldGiveCommonKafkaSettingsToEveryClientWhenNotPrefixed() {
        // Given security settings for every client, and one consumer setting that wins over a common one
        DeliveryConfig c = DeliveryConfig.from(Map.of(
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.client.rack", "a",
                "kafka.consumer.client.rack", "b"));

        // Then both clients get them, the consumer with its own value
        assertThat(c.consumerOverrides())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry("client.rack", "b"));
        assertThat(c.producerOverrides())
                .containsOnly(
                        Map.entry("security.protocol", "SASL_SSL"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                        Map.entry("client.rack", "a"));
    }

    @Test
    void shouldJoinEveryDestinationGroupAsAStaticMemberWhenAnInstanceIdIsGiven() {
        assertThat(DeliveryConfig.defaults().consumerOverrides()).doesNotContainKey("group.instance.id");
        assertThat(DeliveryConfig.from(Map.of("switchboard.delivery.instance-id", "delivery-0"))
                        .consumerOverrides())
                .containsEntry("group.instance.id", "delivery-0");
    }

    @Test
    void shouldOverrideTheRoleOptionsWhenADestinationHasADeliveryBlock() throws Exception {
        // Given a workspace file with a delivery block on one destination
        String yaml =
                """
                workspace: acme
                destinations:
                  - id: slow
                    type: webhook
                    delivery: { requestTimeout: 30s, retryWindow: 1h, maxInFlight: 8, ratePerSecond: 50, perUserOrdering: true }
                  - id: plain
                    type: webhook
                """;
        WorkspaceConfig w =
                WorkspaceConfigParser.parseYaml(yaml, "test.yaml", k -> null).config();
        WorkspaceConfig roundTrip = WorkspaceConfigParser.parseDocument(WorkspaceConfigParser.toDocument(w));
        DeliveryConfig role = DeliveryConfig.from(Map.of("switchboard.delivery.connect-timeout", "2s"));

        // When
        WorkerTuning slow =
                DeliveryApp.tuning(role, roundTrip.destination("slow").orElseThrow());
        WorkerTuning plain =
                DeliveryApp.tuning(role, roundTrip.destination("plain").orElseThrow());

        // Then
        assertThat(slow.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(slow.retryWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(slow.maxInFlight()).isEqualTo(8);
        assertThat(slow.ratePerSecond()).isEqualTo(50.0);
        assertThat(slow.perUserOrdering()).isTrue();
        assertThat(slow.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(plain.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plain.maxInFlight()).isEqualTo(64);
        assertThat(plain.groupId()).isEqualTo("sb-delivery-plain");
    }

    @Test
    void shouldRejectAnInvalidDeliveryBlockWhenTheFileIsParsed() {
        String yaml =
                """
                workspace: acme
                destinations:
                  - id: bad
                    type: webhook
                    delivery: { retryWindow: forever }
                """;
        assertThatThrownBy(() -> WorkspaceConfigParser.parseYaml(yaml, "test.yaml", k -> null))
                .hasMessageContaining("retryWindow");
    }

    @Test
    void shouldKeepTheFiveArgumentConstructorWhenNoDeliveryBlockIsGiven() {
        assertThat(new DestinationConfig("d", "webhook", null, null, null).delivery())
                .isNull();
    }
}
