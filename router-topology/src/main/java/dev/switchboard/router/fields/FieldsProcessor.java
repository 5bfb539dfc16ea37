/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fields;

import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.support.StageSensors;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.workspace.CompiledWorkspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps this task's {@link FieldInventory}, and its changes in the store {@code sb-fields-store} (so a
 * restarted task knows what it reported); forwards a {@link FieldSeen} keyed by {@link Topics#fieldKey} for each
 * change. Counts the fields over the cap ({@code sb-router} metrics of {@code sb-fields}: {@code over-cap-total}).
 * Events of an unknown workspace are not looked at.
 */
final class FieldsProcessor implements Processor<String, Configured, String, FieldSeen> {

    private final int maxPaths;
    private final long intervalMillis;
    private final List<FieldNode> changed = new ArrayList<>();
    private ProcessorContext<String, FieldSeen> context;
    private KeyValueStore<String, FieldSeen> store;
    private FieldInventory inventory;
    private String task;
    private Sensor overCap;

    FieldsProcessor(int maxPaths, long intervalMillis) {
        this.maxPaths = maxPaths;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void init(ProcessorContext<String, FieldSeen> context) {
        this.context = context;
        this.store = context.getStateStore(FieldsStage.STORE);
        this.task = context.taskId().toString();
        this.overCap = StageSensors.sensor(context, FieldsStage.NAME, "over-cap");
        this.inventory = new FieldInventory(maxPaths, intervalMillis);
        try (KeyValueIterator<String, FieldSeen> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, FieldSeen> kept = all.next();
                if (kept.value != null) {
                    inventory.restore(kept.value);
                }
            }
        }
    }

    @Override
    public void process(Record<String, Configured> record) {
        Configured c = record.value();
        CompiledWorkspace ws = c.workspace();
        if (ws == null) {
            return;
        }
        Event event = c.event().event();
        int dropped =
                inventory.observe(event.getSourceId(), c.event().json(), record.timestamp(), ws.piiCatalog(), changed);
        if (dropped > 0) {
            overCap.record(dropped);
        }
        if (changed.isEmpty()) {
            return;
        }
        for (FieldNode node : changed) {
            node.pending = false;
            FieldSeen seen = FieldSeen.newBuilder()
                    .setWorkspaceId(event.getWorkspaceId())
                    .setSourceId(event.getSourceId())
                    .setPath(node.path)
                    .setTypes(JsonTypes.names(node.types))
                    .setPii(node.pii)
                    .setClassification(node.classification)
                    .setTask(task)
                    .setFirstSeen(Instant.ofEpochMilli(node.firstSeen))
                    .setLastSeen(Instant.ofEpochMilli(node.lastSeen))
                    .build();
            store.put(event.getSourceId() + node.path, seen);
            context.forward(
                    new Record<>(Topics.fieldKey(event.getSourceId(), task, node.path), seen, record.timestamp()));
        }
        changed.clear();
    }
}
