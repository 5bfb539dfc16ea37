/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.config;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.workspace.ConfigSnapshot;
import dev.switchboard.workspace.KafkaConfigView;
import dev.switchboard.workspace.WorkspaceChecks;
import dev.switchboard.workspace.config.ConfigException;
import dev.switchboard.workspace.config.ConfigProblem;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes a checked workspace: topics for its destinations first, then the config record. */
public final class ConfigPublisher {

    private ConfigPublisher() {}

    /**
     * Returns the destination topics it created. Waits for the broker's ack (acks=all). Refuses, with
     * nothing created or published, a workspace whose write keys another published workspace uses: a
     * write key decides which workspace an event belongs to, so it cannot belong to two.
     */
    public static List<String> publish(
            String bootstrapServers, WorkspaceConfig workspace, int partitions, short replication)
            throws ConfigException {
        return publish(bootstrapServers, Map.of(), workspace, partitions, replication);
    }

    /** As above, every Kafka client also given {@code clientSettings} (security, e.g. SASL). */
    public static List<String> publish(
            String bootstrapServers,
            Map<String, String> clientSettings,
            WorkspaceConfig workspace,
            int partitions,
            short replication)
            throws ConfigException {
        List<String> created;
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, partitions, replication, clientSettings)) {
            admin.createCore();
            List<ConfigProblem> clashes =
                    WorkspaceChecks.clashes(workspace, published(bootstrapServers, clientSettings));
            if (!clashes.isEmpty()) {
                throw new ConfigException(clashes);
            }
            created = admin.createDestinations(
                    workspace.destinations().stream().map(DestinationConfig::id).toList());
        }
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
            ConfigRecord record =
                    new ConfigRecord(workspace.workspace(), Instant.now(), WorkspaceConfigParser.toDocument(workspace));
            producer.send(new ProducerRecord<>(Topics.CONFIG.name(), workspace.workspace(), record))
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
        return created;
    }

    /** The workspaces on {@code sb.config} now. */
    private static ConfigSnapshot published(String bootstrapServers, Map<String, String> clientSettings) {
        try (KafkaConfigView view = new KafkaConfigView(bootstrapServers, "sb-config-apply", clientSettings).start()) {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                throw new IllegalStateException("cannot read " + Topics.CONFIG.name() + " at " + bootstrapServers);
            }
            return view.current();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.CONFIG.name(), e);
        }
    }
}
