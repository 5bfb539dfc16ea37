/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.schemas.Topics;
import dev.switchboard.tracking.produce.IngestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The floor: the same events ({@link E2eEvents}, keyed by messageId) produced as fast as a bounded
 * window allows to a topic of as many partitions as {@code sb.ingest.raw}, on the same broker, with the
 * tracking API's producer settings ({@link IngestProducer#properties}: acks=all, idempotent, lz4,
 * linger 1 ms), and consumed at once
 * (read_committed) by one consumer. The rate is what the consumer read divided by the time from the
 * first send to the last record read: Kafka's own produce to consume on this machine, in this run.
 */
final class KafkaFloor {

    private static final String TOPIC = "bench.e2e.floor";
    private static final int IN_FLIGHT = 20_000;

    private KafkaFloor() {}

    /** Events per second, produced and consumed, over {@code duration} of producing. */
    static double measure(String bootstrap, Duration duration) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int partitions = admin.describeTopics(Set.of(Topics.INGEST_RAW.name()))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Topics.INGEST_RAW.name())
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        AtomicLong produced = new AtomicLong();
        AtomicLong target = new AtomicLong(-1);
        AtomicLong consumed = new AtomicLong();
        long start = System.nanoTime();
        AtomicLong lastRead = new AtomicLong(start);
        Thread consumer = new Thread(() -> consume(bootstrap, target, consumed, lastRead), "floor-consumer");
        consumer.start();
        Semaphore window = new Semaphore(IN_FLIGHT);
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            long end = start + duration.toNanos();
            for (long i = 0; System.nanoTime() < end; i++) {
                window.acquire();
                byte[] id = ("floor-" + i).getBytes(StandardCharsets.UTF_8);
                byte[] value = E2eEvents.event("floor-" + i).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(TOPIC, id, value), (m, e) -> {
                    window.release();
                    if (e == null) {
                        produced.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        target.set(produced.get()); // the consumer stops when it read them all
        consumer.join(Duration.ofSeconds(60).toMillis());
        consumer.interrupt();
        consumer.join();
        return consumed.get() / ((lastRead.get() - start) / 1e9);
    }

    /** The tracking API's own producer settings, so the floor writes as the API does. */
    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                IngestProducer.properties(bootstrap, Map.of()), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void consume(String bootstrap, AtomicLong target, AtomicLong consumed, AtomicLong lastRead) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!Thread.currentThread().isInterrupted()) {
                int n = consumer.poll(Duration.ofMillis(100)).count();
                if (n > 0) {
                    lastRead.set(System.nanoTime());
                    consumed.addAndGet(n);
                }
                long all = target.get();
                if (all >= 0 && consumed.get() >= all) {
                    return;
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }
}
