/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.support;

import static org.awaitility.Awaitility.await;

import dev.switchboard.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one topic from its end at the time of {@link #skipToEnd()}, with no consumer group.
 *
 * @param <V> the value type
 */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> buffered = new ArrayList<>();

    public TopicReader(String bootstrapServers, Topic<String, V> topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.consumer = new KafkaConsumer<>(
                p, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(i.topic(), i.partition()))
                .toList();
        consumer.assign(partitions);
        skipToEnd();
    }

    /** Forgets everything written so far. */
    public void skipToEnd() {
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        buffered.clear();
    }

    /** Waits for exactly the next {@code count} records (generous timeout), in partition order. */
    public List<ConsumerRecord<String, V>> take(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100)).forEach(buffered::add);
            return buffered.size() >= count;
        });
        List<ConsumerRecord<String, V>> out = new ArrayList<>(buffered.subList(0, count));
        buffered.subList(0, count).clear();
        return out;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
