/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Kafka Streams settings the router's options become, read back through Kafka Streams' own config. */
class RouterConfigTest {

    @Test
    void shouldGiveEachStreamThreadItsOwnStaticMemberIdWhenAnInstanceIdIsGiven() {
        // Given the pod name as instance id
        RouterConfig config = RouterConfig.from(Map.of("switchboard.router.instance-id", "router-0"));

        // When Kafka Streams builds the main consumer of thread 2
        StreamsConfig streams = new StreamsConfig(config.streamsProperties("127.0.0.1:9092"));
        Map<String, Object> consumer = streams.getMainConsumerConfigs("switchboard-router", "c", 2);

        // Then it is a static member with the thread's suffix, and it does not leave the group on close
        assertThat(consumer).containsEntry("group.instance.id", "router-0-2");
        assertThat(consumer).containsEntry("internal.leave.group.on.close", "false");
        assertThat(streams.getRestoreConsumerConfigs("r")).doesNotContainKey("group.instance.id");
    }

    @Test
    void shouldJoinAsADynamicMemberThatLeavesOnCloseWhenNoInstanceIdIsGiven() {
        StreamsConfig streams = new StreamsConfig(RouterConfig.defaults().streamsProperties("127.0.0.1:9092"));
        Map<String, Object> consumer = streams.getMainConsumerConfigs("switchboard-router", "c", 1);
        assertThat(consumer).doesNotContainKey("group.instance.id");
        assertThat(consumer).containsEntry("internal.leave.group.on.close", "true");
        // and a crashed dynamic member's tasks move after 10 s, not Kafka's 45 s
        assertThat(consumer).containsEntry("session.timeout.ms", 10_000).containsEntry("heartbeat.interval.ms", 3_000);
    }

    @Test
    void shouldLetTheOperatorChooseTheSessionTimeout() {
        StreamsConfig streams =
                new StreamsConfig(RouterConfig.from(Map.of("kafka.streams.main.consumer.session.timeout.ms", "30000"))
                        .streamsProperties("127.0.0.1:9092"));
        assertThat(streams.getMainConsumerConfigs("switchboard-router", "c", 1))
                .containsEntry("session.timeout.ms", "30000");
    }

    @Test
    void shouldGiveSecuritySettingsToEveryClientWhenGivenWithoutAClientPrefix() {
        // Given SASL settings as plain kafka.* keys
        RouterConfig config = RouterConfig.from(Map.of(
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.streams.num.standby.replicas", "1"));
        Properties props = config.streamsProperties("127.0.0.1:9092");
        StreamsConfig streams = new StreamsConfig(props);

        // Then the main consumer, the producer, the restore consumer and the admin client all have them
        assertThat(streams.getMainConsumerConfigs("g", "c", 1)).containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(streams.getProducerConfigs("p")).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(streams.getRestoreConsumerConfigs("r")).containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(streams.getAdminConfigs("a")).containsEntry("security.protocol", "SASL_PLAINTEXT");
        assertThat(props).containsEntry("num.standby.replicas", "1");
    }
}
