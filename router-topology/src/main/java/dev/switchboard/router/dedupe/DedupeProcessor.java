/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.dedupe;

import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.support.StageSensors;
import java.time.Duration;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Forwards an event unless its (source, messageId) is in the store within {@code window} of the
 * record's time; remembers what it forwards. Record time is the time the tracking API wrote the
 * call, so the window follows stream time, and replays dedupe the same way as live traffic.
 */
final class DedupeProcessor implements FixedKeyProcessor<String, Enriched, Enriched> {

    private final long windowMs;
    private FixedKeyProcessorContext<String, Enriched> context;
    private WindowStore<String, Long> seen;
    private Sensor duplicates;

    DedupeProcessor(Duration window) {
        this.windowMs = window.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Enriched> context) {
        this.context = context;
        this.seen = context.getStateStore(DedupeStage.STORE);
        this.duplicates = StageSensors.sensor(context, DedupeStage.NAME, "duplicates");
    }

    @Override
    public void process(FixedKeyRecord<String, Enriched> record) {
        String id = record.value().event().getSourceId() + "|"
                + record.value().event().getMessageId();
        long time = record.timestamp();
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, time - windowMs, time + windowMs)) {
            if (earlier.hasNext()) {
                duplicates.record();
                return;
            }
        }
        seen.put(id, time, time);
        context.forward(record);
    }
}
