/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a compacted topic from its beginning, with no consumer group and read_committed, on a thread of its
 * own: the one loop behind every view of a state topic ({@code sb.config}, {@code sb.control}). Each poll's
 * readable records go to {@code onRecords} in offset order per partition (a null value is a tombstone); a record
 * that cannot be deserialized is logged and skipped, so one bad record never stops the view; nor does a broker
 * that is not up yet or too slow to answer at start (each step is retried). The view is <em>loaded</em> once it
 * has read every partition up to its end offsets at start.
 *
 * @param <K> the topic's key type
 * @param <V> the topic's value type
 */
public final class TopicTail<K, V> implements AutoCloseable {

    /** What a view does while its topic does not exist. */
    public enum WhenMissing {
        /** Not loaded until the topic exists (a workspace must be read before anything routes). */
        WAIT,
        /** Loaded and empty at once, and the topic is picked up once it exists (nothing paused). */
        EMPTY
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private final Topic<K, V> topic;
    private final WhenMissing whenMissing;
    private final Consumer<List<ConsumerRecord<K, V>>> onRecords;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param clientProperties bootstrap servers and the role's client settings (security, ...)
     * @param clientId the consumer's client id, also the thread's name
     */
    public TopicTail(
            Properties clientProperties,
            String clientId,
            Topic<K, V> topic,
            WhenMissing whenMissing,
            Consumer<List<ConsumerRecord<K, V>>> onRecords) {
        this.topic = topic;
        this.whenMissing = whenMissing;
        this.onRecords = onRecords;
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    /** Starts following; returns at once. */
    public TopicTail<K, V> start() {
        thread.start();
        return this;
    }

    /** Waits until the topic was read up to its end offsets at start (or, {@link WhenMissing#EMPTY}, found missing). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = retrying("find the partitions of", this::waitForPartitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = retrying("read the end offsets of", () -> consumer.endOffsets(partitions));
            Deserializer<K> keys = topic.keySerde().deserializer();
            Deserializer<V> values = topic.valueSerde().deserializer();
            while (running) {
                List<ConsumerRecord<K, V>> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        K key = r.key() == null ? null : keys.deserialize(r.topic(), r.key());
                        V value = r.value() == null ? null : values.deserialize(r.topic(), r.value());
                        batch.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), key, value));
                    } catch (RuntimeException e) {
                        LOG.error(
                                "skipping unreadable record of {} at {}-{}: {}",
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                e.toString());
                    }
                }
                if (!batch.isEmpty()) {
                    onRecords.accept(batch);
                }
                if (loaded.getCount() > 0 && retrying("read the positions on", () -> caughtUp(end))) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("view of {} stopped: {}", topic.name(), e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * Runs {@code step} until it succeeds: a broker that is not up yet, or too slow to answer (a timeout,
     * any retriable error), delays the view, it never stops it. Anything else (no access, say) does.
     */
    private <T> T retrying(String what, Supplier<T> step) {
        while (running) {
            try {
                return step.get();
            } catch (RetriableException e) {
                LOG.warn("could not {} {} yet, retrying in {}: {}", what, topic.name(), RETRY_BACKOFF, e.toString());
                try {
                    Thread.sleep(RETRY_BACKOFF.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new WakeupException();
    }

    private List<TopicPartition> waitForPartitions() {
        while (running) {
            var infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
            }
            if (whenMissing == WhenMissing.EMPTY && loaded.getCount() > 0) {
                LOG.warn("topic {} does not exist: read as empty (run 'switchboard topics create')", topic.name());
                loaded.countDown();
            } else if (whenMissing == WhenMissing.WAIT) {
                LOG.info("waiting for topic {} to exist", topic.name());
            }
        }
        throw new WakeupException();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
