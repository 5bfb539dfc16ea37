/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.schemas.admin.TopicAdmin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * One source of truth for topics: the KafkaTopics of {@code deploy/strimzi} are the core topics
 * {@code topics create} makes, both ways, with its partitions and configs; the deployment adds only
 * replication 3 and {@code min.insync.replicas=2}. The Jobs create with the same partitions.
 */
class StrimziTopicsTest {

    private static final Map<String, String> DEPLOYMENT_CONFIGS = Map.of("min.insync.replicas", "2");

    @Test
    void shouldDeclareExactlyTheCoreTopicsAsTheCodeCreatesThemWhenRendered() {
        int partitions = Integer.parseInt(CodeFacts.defaultOf("--partitions", "topics", "create"));
        Map<String, NewTopic> code;
        try (TopicAdmin admin = new TopicAdmin("127.0.0.1:1", partitions, (short) 3)) {
            code = admin.coreTopics().stream().collect(Collectors.toMap(NewTopic::name, t -> t));
        }
        Map<String, JsonNode> declared = new HashMap<>();
        for (JsonNode t : Rendered.of("strimzi").ofKind("KafkaTopic")) {
            JsonNode spec = t.path("spec");
            declared.put(spec.path("topicName").asText(Rendered.name(t)), spec);
        }

        assertThat(declared.keySet())
                .as("KafkaTopics vs the code's core topics")
                .isEqualTo(code.keySet());
        code.forEach((name, topic) -> {
            JsonNode spec = declared.get(name);
            assertThat(spec.path("partitions").asInt()).as(name + " partitions").isEqualTo(topic.numPartitions());
            assertThat(spec.path("replicas").asInt()).as(name + " replicas").isEqualTo(3);
            Map<String, String> expected = new TreeMap<>(topic.configs() == null ? Map.of() : topic.configs());
            expected.putAll(DEPLOYMENT_CONFIGS);
            Map<String, String> actual = new TreeMap<>();
            spec.path("config")
                    .fields()
                    .forEachRemaining(e -> actual.put(e.getKey(), e.getValue().asText()));
            assertThat(actual).as(name + " config").isEqualTo(expected);
        });
    }

    @Test
    void shouldCreateWithTheDeclaredPartitionsWhenTheJobsRun() {
        Rendered prod = Rendered.of("overlays/prod");
        int declared = prod.find("KafkaTopic", "sb-ingest-raw")
                .orElseThrow()
                .path("spec")
                .path("partitions")
                .asInt();
        for (String job : List.of("switchboard-topics-create", "switchboard-config-apply")) {
            assertThat(Args.of(prod.get("Job", job)).value("--partitions"))
                    .as(job + " --partitions")
                    .isEqualTo(Integer.toString(declared));
            assertThat(Args.of(prod.get("Job", job)).value("--replication-factor"))
                    .as(job + " --replication-factor")
                    .isEqualTo("3");
        }
    }
}
