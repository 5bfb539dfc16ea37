/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes workspaces to {@code sb.config}, keyed by workspace id: the one writer of {@link ConfigRecord}s,
 * used by {@code config apply} and by the tests and benches that publish a workspace.
 */
public final class ConfigTopic {

    private ConfigTopic() {}

    /** Publishes {@code workspace} as it is now, and waits for the broker's acknowledgement (acks=all). */
    public static void publish(String bootstrapServers, Map<String, String> clientSettings, WorkspaceConfig workspace) {
        publish(
                bootstrapServers,
                clientSettings,
                new ConfigRecord(workspace.workspace(), Instant.now(), WorkspaceConfigParser.toDocument(workspace)));
    }

    /** Publishes {@code record} under its workspace id, and waits for the broker's acknowledgement. */
    public static void publish(String bootstrapServers, Map<String, String> clientSettings, ConfigRecord record) {
        Map<String, Object> props = new HashMap<>(clientSettings);
        props.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                20_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                45_000));
        try (var producer = new KafkaProducer<>(
                props,
                Topics.CONFIG.keySerde().serializer(),
                Topics.CONFIG.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.CONFIG.name(), record.getWorkspaceId(), record))
                    .get(60, TimeUnit.SECONDS);
            producer.close(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the workspace", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot publish the workspace to " + Topics.CONFIG.name() + " at " + bootstrapServers + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
