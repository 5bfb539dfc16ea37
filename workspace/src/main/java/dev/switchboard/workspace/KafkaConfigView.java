/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ConfigRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tails the compacted {@code sb.config} topic from the beginning, with no consumer group, and keeps
 * the latest {@link ConfigSnapshot}. A record that cannot be read is logged and skipped: the view
 * keeps the last good version of that workspace.
 */
public final class KafkaConfigView implements ConfigView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConfigView.class);

    private final WorkspaceCompiler compiler;
    private final KafkaConsumer<String, ConfigRecord> consumer;
    private final AtomicReference<ConfigSnapshot> current = new AtomicReference<>(ConfigSnapshot.EMPTY);
    private final List<Consumer<ConfigSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /** A view whose routes take their mappers from every destination type on the class path. */
    public KafkaConfigView(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, Map.of());
    }

    /** As above, the consumer also given {@code clientSettings} (the role's common {@code kafka.*} settings). */
    public KafkaConfigView(String bootstrapServers, String clientId, Map<String, String> clientSettings) {
        this(bootstrapServers, clientId, clientSettings, new WorkspaceCompiler(MapperRegistry.load()));
    }

    /**
     * A view whose consumer also gets {@code clientSettings} (e.g. {@code security.protocol},
     * {@code sasl.jaas.config}) and whose workspaces are compiled by {@code compiler}.
     */
    public KafkaConfigView(
            String bootstrapServers, String clientId, Map<String, String> clientSettings, WorkspaceCompiler compiler) {
        this.compiler = compiler;
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(
                props,
                Topics.CONFIG.keySerde().deserializer(),
                Topics.CONFIG.valueSerde().deserializer());
        this.thread = new Thread(this::run, clientId);
        this.thread.setDaemon(true);
    }

    /** Starts tailing; returns at once. */
    public KafkaConfigView start() {
        thread.start();
        return this;
    }

    /** Waits until the view has read the topic up to its end offsets at start. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public ConfigSnapshot current() {
        return current.get();
    }

    @Override
    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    @Override
    public void onChange(Consumer<ConfigSnapshot> listener) {
        listeners.add(listener);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = waitForPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                boolean changed = false;
                for (ConsumerRecord<String, ConfigRecord> r : consumer.poll(Duration.ofMillis(200))) {
                    changed |= apply(r);
                }
                if (changed) {
                    ConfigSnapshot snapshot = current.get();
                    listeners.forEach(l -> l.accept(snapshot));
                }
                if (loaded.getCount() > 0 && caughtUp(end)) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("config view stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> waitForPartitions() {
        while (running) {
            var infos = consumer.partitionsFor(Topics.CONFIG.name(), Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition()))
                        .toList();
            }
            LOG.info("waiting for topic {} to exist", Topics.CONFIG.name());
        }
        throw new WakeupException();
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private boolean apply(ConsumerRecord<String, ConfigRecord> r) {
        try {
            CompiledWorkspace workspace = r.value() == null ? null : compiler.compile(r.value());
            current.updateAndGet(s -> s.with(r.key(), workspace));
            LOG.info("workspace {} {}", r.key(), workspace == null ? "removed" : "loaded");
            return true;
        } catch (RuntimeException e) {
            LOG.error(
                    "skipping unreadable config record for workspace {} at offset {}: {}",
                    r.key(),
                    r.offset(),
                    e.toString());
            return false;
        }
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
