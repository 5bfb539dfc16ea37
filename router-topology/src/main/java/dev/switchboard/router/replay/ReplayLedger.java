/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ReplayProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The progress of replays on the compacted {@code sb.replays}, one record per (replay id, partition of
 * {@code sb.events}): read committed, the latest per key.
 */
final class ReplayLedger {

    private final KafkaAccess kafka;

    ReplayLedger(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** The committed progress of {@code replayId}, by partition of {@code sb.events}; empty for a new replay. */
    Map<Integer, ReplayProgress> load(String replayId) {
        Map<Integer, ReplayProgress> byPartition = new TreeMap<>();
        String prefix = replayId + "/";
        var values = Topics.REPLAYS.valueSerde().deserializer();
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sb-replay-ledger");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.REPLAYS.name(), Duration.ofSeconds(30)).stream()
                            .map(i -> new TopicPartition(i.topic(), i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key() == null || !r.key().startsWith(prefix)) {
                        continue;
                    }
                    int partition = Integer.parseInt(r.key().substring(prefix.length()));
                    if (r.value() == null) {
                        byPartition.remove(partition);
                    } else {
                        byPartition.put(partition, values.deserialize(r.topic(), r.value()));
                    }
                }
            }
        }
        return byPartition;
    }

    /** The record that stores {@code progress}. */
    static ProducerRecord<byte[], byte[]> record(ReplayProgress progress) {
        String key = Topics.replayKey(progress.getReplayId(), progress.getPartition());
        byte[] value = Topics.REPLAYS.valueSerde().serializer().serialize(Topics.REPLAYS.name(), progress);
        return new ProducerRecord<>(Topics.REPLAYS.name(), key.getBytes(StandardCharsets.UTF_8), value);
    }
}
