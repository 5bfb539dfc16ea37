/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import dev.switchboard.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker holds, as a read_committed consumer and the consumer group see it: committed
 * records of a topic, end offsets, a group's committed offsets and its members' partitions.
 */
final class CommittedTopics implements AutoCloseable {

    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final Admin admin;

    CommittedTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Every committed record of {@code topic}, from the beginning up to the last stable offset of
     * each partition (read_committed: records of aborted or still open transactions are skipped).
     */
    <K, V> List<ConsumerRecord<K, V>> readCommitted(Topic<K, V> topic) {
        return read(topic, IsolationLevel.READ_COMMITTED);
    }

    /**
     * Every record of {@code topic} up to the high watermark, aborted ones included: what a crash
     * left behind, for the log.
     */
    <K, V> List<ConsumerRecord<K, V>> readUncommitted(Topic<K, V> topic) {
        return read(topic, IsolationLevel.READ_UNCOMMITTED);
    }

    private <K, V> List<ConsumerRecord<K, V>> read(Topic<K, V> topic, IsolationLevel isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(
                props, topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer the end offset is the last stable offset.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<K, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic.name() + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The sum of the latest offsets of {@code topic}'s partitions (transaction markers included). */
    long endOffsetSum(String topic) throws ExecutionException, InterruptedException {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** True when {@code group} has committed, on every partition of {@code topic}, its end offset. */
    boolean caughtUp(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get();
        return endOffsets(topic).entrySet().stream().allMatch(e -> {
            OffsetAndMetadata c = committed.get(e.getKey());
            return c != null && c.offset() == e.getValue();
        });
    }

    /** One member of a consumer group and the partitions of one topic it holds. */
    record Member(String memberId, String clientId, List<Integer> partitions) {}

    /** The members of {@code group} and the partitions of {@code topic} each holds. */
    List<Member> members(String group, String topic) throws ExecutionException, InterruptedException {
        List<Member> out = new ArrayList<>();
        for (MemberDescription m : admin.describeConsumerGroups(List.of(group))
                .describedGroups()
                .get(group)
                .get()
                .members()) {
            out.add(new Member(
                    m.consumerId(),
                    m.clientId(),
                    m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(topic))
                            .map(TopicPartition::partition)
                            .sorted()
                            .toList()));
        }
        return out;
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        var description =
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        Map<TopicPartition, OffsetSpec> request = description.partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
