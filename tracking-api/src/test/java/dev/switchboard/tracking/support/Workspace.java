/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.support;

import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.workspace.ConfigTopic;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.util.List;
import java.util.Map;

/** The test workspace {@code acme} and a broker that has it: core topics (one partition) and sb.config. */
public final class Workspace {

    public static final String ID = "acme";
    public static final String WEB_KEY = "wk_web_123";
    public static final String BACKEND_KEY = "wk_backend_456";
    public static final String DISABLED_KEY = "wk_disabled_789";
    /** The key in Segment's documentation examples, so they can be replayed verbatim. */
    public static final String DOCS_KEY = "YOUR_WRITE_KEY";

    private Workspace() {}

    public static WorkspaceConfig config() {
        return new WorkspaceConfig(
                ID,
                List.of(
                        new SourceConfig("web", "Website", List.of(WEB_KEY), null),
                        new SourceConfig("backend", "Backend", List.of(BACKEND_KEY), null),
                        new SourceConfig("legacy", "Legacy", List.of(DISABLED_KEY), false),
                        new SourceConfig("docs", "Docs examples", List.of(DOCS_KEY), null)),
                List.of(),
                List.of());
    }

    /** A temporary broker whose core topics have one partition, so tests can rely on order; publish the workspace on it. */
    public static EmbeddedKafkaExtension broker() {
        return EmbeddedKafkaExtension.withCoreTopics(1);
    }

    /** Creates the core topics (one partition) and publishes the workspace: for a broker a test runs itself. */
    public static void prepare(String bootstrapServers) {
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, 1, (short) 1)) {
            admin.createCore();
        }
        publish(bootstrapServers);
    }

    /** Publishes the workspace on {@code sb.config}. */
    public static void publish(String bootstrapServers) {
        ConfigTopic.publish(bootstrapServers, Map.of(), config());
    }
}
