/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.schemas.avro.ConfigRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A view of a state topic started before its broker is up waits for it, then reads the topic: it never stops. */
class TopicTailIT {

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheTopicWhenTheBrokerComesUpAfterTheViewsFirstMetadataTimeout() throws Exception {
        // Given a view of sb.config started while no broker listens on its port
        int port = freePort();
        Properties client = new Properties();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        List<String> seen = new CopyOnWriteArrayList<>();
        try (TopicTail<String, ConfigRecord> tail = new TopicTail<>(
                        client,
                        "tail-it",
                        Topics.CONFIG,
                        TopicTail.WhenMissing.WAIT,
                        records -> records.forEach(r -> seen.add(r.key())))
                .start()) {
            // past the 10 s in which the view's first metadata request times out
            Thread.sleep(12_000);
            assertThat(tail.isLoaded()).isFalse();

            // When the broker comes up on that port with the topic and a workspace on it
            try (EmbeddedKafka kafka = EmbeddedKafka.create(dir, port).start()) {
                try (TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), 1, (short) 1)) {
                    admin.createCore();
                }
                publish(kafka.bootstrapServers(), "acme");

                // Then the view loads and reads it
                await().atMost(Duration.ofSeconds(60)).until(tail::isLoaded);
                await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("acme"));
            }
        }
    }

    private static void publish(String bootstrapServers, String workspaceId) {
        ConfigTopic.publish(
                bootstrapServers,
                Map.of(),
                new ConfigRecord(workspaceId, Instant.now(), "{\"id\":\"" + workspaceId + "\"}"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
