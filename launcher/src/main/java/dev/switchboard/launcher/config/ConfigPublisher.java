/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.config;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.workspace.ConfigSnapshot;
import dev.switchboard.workspace.ConfigTopic;
import dev.switchboard.workspace.KafkaConfigView;
import dev.switchboard.workspace.WorkspaceChecks;
import dev.switchboard.workspace.config.ConfigException;
import dev.switchboard.workspace.config.ConfigProblem;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        ConfigTopic.publish(bootstrapServers, clientSettings, workspace);
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
