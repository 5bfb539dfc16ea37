/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @Test
    void shouldServeCreatedTopicsAndKeepDataAcrossRestartsWhenDataDirIsReused(@TempDir Path dir) throws Exception {
        // Given a broker with the core topics
        try (EmbeddedKafka kafka = EmbeddedKafka.create(dir, 0).start();
                TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), 2, (short) 1)) {
            assertThat(admin.createCore()).contains(Topics.INGEST_RAW.name(), Topics.CONFIG.name());
            try (Admin raw = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                assertThat(raw.describeTopics(Topics.core().stream()
                                        .map(t -> t.name())
                                        .toList())
                                .allTopicNames()
                                .get()
                                .values())
                        .as("created topics are returned with a leader on every partition, ready for producers")
                        .allSatisfy(d -> assertThat(d.partitions())
                                .allSatisfy(
                                        p -> assertThat(p.leader()).isNotNull().matches(leader -> !leader.isEmpty())));
            }
            assertThat(admin.createCore()).as("second create is a no-op").isEmpty();
            assertThat(admin.verifyCore()).as("as created: nothing to report").isEmpty();
            // When a record is written with acks=all
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafka.bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG,
                            "all"),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("sb.events", "u1", "hello")).get();
            }
        }
        assertThat(Files.exists(dir.resolve("kafka-logs/meta.properties"))).isTrue();

        // Then a restarted broker on the same directory still has it
        try (EmbeddedKafka kafka = EmbeddedKafka.create(dir, 0).start();
                var consumer = new KafkaConsumer<>(
                        Map.<String, Object>of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                                ConsumerConfig.GROUP_ID_CONFIG, "t",
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of("sb.events"));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    void shouldReportAConfigTopicThatIsNotCompacted(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.create(dir, 0).start();
                TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), 2, (short) 1);
                Admin raw = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            // Given sb.config created by hand with the broker's default policy (delete)
            raw.createTopics(List.of(new NewTopic(Topics.CONFIG.name(), 1, (short) 1)))
                    .all()
                    .get();
            assertThat(admin.verifyCore()).anySatisfy(p -> assertThat(p).contains("does not exist"));

            // When the other core topics are created
            admin.createCore();

            // Then only the policy of sb.config is reported
            assertThat(admin.verifyCore()).singleElement().satisfies(p -> assertThat(p)
                    .contains("sb.config", "cleanup.policy=delete", "compact"));
        }
    }
}
