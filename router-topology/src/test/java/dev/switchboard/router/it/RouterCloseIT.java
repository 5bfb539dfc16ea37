/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.testing.EchoMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A router closed cleanly leaves its consumer group at once. Kafka Streams would otherwise stay a
 * member until the session timeout (45 s), and an instance started again, or the ones left after a
 * scale-down, would get no partitions, and route nothing, for that long.
 */
class RouterCloseIT {

    private static final String APPLICATION_ID = "sb-router-close-it";

    @RegisterExtension
    static final EmbeddedKafkaExtension KAFKA = EmbeddedKafkaExtension.withCoreTopics(2);

    @TempDir
    Path stateDir;

    @Test
    void shouldLeaveTheConsumerGroupWhenClosedCleanly() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
            RouterConfig config = RouterConfig.from(Map.of(
                    RouterConfig.APPLICATION_ID.key(),
                    APPLICATION_ID,
                    RouterConfig.STATE_DIR.key(),
                    stateDir.toString(),
                    RouterConfig.DEDUPE_STORE.key(),
                    "in_memory"));
            // Given a running router, a member of its group
            RouterApp router =
                    new RouterApp(config, KAFKA.bootstrapServers(), MapperRegistry.of(List.of(new EchoMapper())));
            router.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> router.state() == KafkaStreams.State.RUNNING);
            assertThat(group(admin).members()).hasSize(1);

            // When it is closed cleanly
            router.close();

            // Then the group has no member left, with no session timeout to wait out
            assertThat(group(admin).members()).isEmpty();
        }
    }

    private static ConsumerGroupDescription group(Admin admin) throws Exception {
        return admin.describeConsumerGroups(List.of(APPLICATION_ID))
                .describedGroups()
                .get(APPLICATION_ID)
                .get();
    }
}
