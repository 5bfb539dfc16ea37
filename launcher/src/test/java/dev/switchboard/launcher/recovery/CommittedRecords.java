/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/** What the recovery ITs read back from the broker: end offsets, and every committed record of a topic. */
final class CommittedRecords {

    private CommittedRecords() {}

    /** The end offsets of {@code topics}, each summed over its partitions. */
    static Map<String, Long> ends(String bootstrapServers, List<String> topics) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrapServers)) {
            Map<String, Long> ends = new TreeMap<>();
            for (String topic : topics) {
                List<TopicPartition> partitions = partitions(c, topic);
                c.endOffsets(partitions).values().forEach(n -> ends.merge(topic, n, Long::sum));
            }
            return ends;
        }
    }

    /** Every committed record of {@code topic}, decoded. */
    static <T> List<T> read(String bootstrapServers, String topic, Deserializer<T> values) {
        return records(bootstrapServers, topic).stream()
                .map(r -> values.deserialize(topic, r.value()))
                .toList();
    }

    /** Every committed record of {@code topic}, as it is (headers too). */
    static List<ConsumerRecord<byte[], byte[]>> records(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(c, topic);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(500)).forEach(out::add);
            }
            return out;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> c, String topic) {
        return c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
