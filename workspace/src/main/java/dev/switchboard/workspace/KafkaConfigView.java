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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted {@code sb.config} topic ({@link TopicTail}) and keeps the latest {@link ConfigSnapshot}.
 * A record that cannot be read or compiled is logged and skipped: the view keeps the last good version of that
 * workspace. Not loaded until the topic exists and was read to its end.
 */
public final class KafkaConfigView implements ConfigView, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaConfigView.class);

    private final WorkspaceCompiler compiler;
    private final TopicTail<String, ConfigRecord> tail;
    private final AtomicReference<ConfigSnapshot> current = new AtomicReference<>(ConfigSnapshot.EMPTY);
    private final List<Consumer<ConfigSnapshot>> listeners = new CopyOnWriteArrayList<>();

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
        this.tail = new TopicTail<>(props, clientId, Topics.CONFIG, TopicTail.WhenMissing.WAIT, this::apply);
    }

    /** Starts following; returns at once. */
    public KafkaConfigView start() {
        tail.start();
        return this;
    }

    /** Waits until the view has read the topic up to its end offsets at start. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return tail.awaitLoaded(timeout);
    }

    @Override
    public ConfigSnapshot current() {
        return current.get();
    }

    @Override
    public boolean isLoaded() {
        return tail.isLoaded();
    }

    @Override
    public void onChange(Consumer<ConfigSnapshot> listener) {
        listeners.add(listener);
    }

    private void apply(List<ConsumerRecord<String, ConfigRecord>> records) {
        boolean changed = false;
        for (ConsumerRecord<String, ConfigRecord> r : records) {
            try {
                CompiledWorkspace workspace = r.value() == null ? null : compiler.compile(r.value());
                current.updateAndGet(s -> s.with(r.key(), workspace));
                LOG.info("workspace {} {}", r.key(), workspace == null ? "removed" : "loaded");
                changed = true;
            } catch (RuntimeException e) {
                LOG.error(
                        "skipping unreadable config record for workspace {} at offset {}: {}",
                        r.key(),
                        r.offset(),
                        e.toString());
            }
        }
        if (changed) {
            ConfigSnapshot snapshot = current.get();
            listeners.forEach(l -> l.accept(snapshot));
        }
    }

    @Override
    public void close() {
        tail.close();
    }
}
