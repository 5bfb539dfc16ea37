/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.support;

import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

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
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (var producer = new KafkaProducer<>(
                p,
                Topics.CONFIG.keySerde().serializer(),
                Topics.CONFIG.valueSerde().serializer())) {
            ConfigRecord record = new ConfigRecord(ID, Instant.now(), WorkspaceConfigParser.toDocument(config()));
            producer.send(new ProducerRecord<>(Topics.CONFIG.name(), ID, record));
            producer.flush();
        }
    }
}
