/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.options.KafkaAccess;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic once, from its beginning to the end offsets it had when the scan began, with
 * no consumer group (nothing is committed, no running consumer is disturbed) and read_committed.
 */
final class TopicScan {

    private TopicScan() {}

    /** Every record of {@code topic}, in order per partition; a missing topic has none. */
    static void scan(KafkaAccess kafka, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        scan(kafka, topic, null, each);
    }

    /**
     * The records of {@code topic} written at or after {@code since} (all when null), found with
     * offsetsForTimes, in order per partition.
     */
    static void scan(KafkaAccess kafka, String topic, Instant since, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sb-scan-" + topic);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> parts = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            if (since != null) {
                Map<TopicPartition, Long> at = new HashMap<>();
                parts.forEach(tp -> at.put(tp, since.toEpochMilli()));
                consumer.offsetsForTimes(at, Duration.ofSeconds(30)).forEach((tp, o) -> {
                    if (o == null) {
                        consumer.seekToEnd(List.of(tp)); // nothing that recent
                    } else {
                        consumer.seek(tp, o.offset());
                    }
                });
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(parts, Duration.ofSeconds(30));
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        each.accept(r);
                    }
                }
            }
        }
    }
}
