/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the compacted {@code sb.control} from the beginning, with no consumer group, and keeps each
 * destination's {@link PauseClock}. Until the topic has been read to its end offsets at start, every
 * destination reads as {@link PauseClock#UNKNOWN} (held): a pause holds across restarts. When the
 * topic does not exist, nothing is paused and the view keeps looking for it.
 */
public final class ControlView implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControlView.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, PauseClock> clocks = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public ControlView(KafkaAccess kafka, String clientId) {
        Properties props = kafka.properties();
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    /** Starts tailing; returns at once. */
    public ControlView start() {
        thread.start();
        return this;
    }

    /** Waits until the topic was read up to its end offsets at start (or found missing). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The pause state of {@code destinationId} now. */
    public PauseClock clock(String destinationId) {
        if (loaded.getCount() > 0) {
            return PauseClock.UNKNOWN;
        }
        return clocks.getOrDefault(destinationId, PauseClock.RUNNING);
    }

    /** Every destination's last control record, by destination id. */
    public Map<String, PauseClock> all() {
        return Map.copyOf(clocks);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = waitForPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            var values = Topics.CONTROL.valueSerde().deserializer();
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    apply(r, values);
                }
                if (loaded.getCount() > 0
                        && end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("control view stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void apply(
            ConsumerRecord<String, byte[]> r,
            org.apache.kafka.common.serialization.Deserializer<DestinationControl> d) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            clocks.remove(r.key());
            return;
        }
        try {
            PauseClock clock = PauseClock.of(d.deserialize(r.topic(), r.value()));
            PauseClock before = clocks.put(r.key(), clock);
            if (before == null || before.paused() != clock.paused()) {
                LOG.info(
                        "destination {} {}{}",
                        r.key(),
                        clock.paused() ? "paused" : "running",
                        clock.reason() == null ? "" : ": " + clock.reason());
            }
        } catch (RuntimeException e) {
            LOG.error("skipping unreadable control record for {} at offset {}: {}", r.key(), r.offset(), e.toString());
        }
    }

    private List<TopicPartition> waitForPartitions() {
        while (running) {
            var infos = consumer.partitionsFor(Topics.CONTROL.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
            }
            if (loaded.getCount() > 0) {
                LOG.warn(
                        "topic {} does not exist: no destination is paused (run 'switchboard topics create')",
                        Topics.CONTROL.name());
                loaded.countDown();
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
