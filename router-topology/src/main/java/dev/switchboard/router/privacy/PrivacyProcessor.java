/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.privacy;

import dev.switchboard.router.internal.Routed;
import dev.switchboard.router.support.StageSensors;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * {@link PrivacyStage#apply(Routed)} on each record; counts the route copies its rules changed
 * ({@code sb-router} metrics of {@code sb-privacy}: {@code changed-total}).
 */
final class PrivacyProcessor implements FixedKeyProcessor<String, Routed, Routed> {

    private FixedKeyProcessorContext<String, Routed> context;
    private Sensor changed;

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        this.context = context;
        this.changed = StageSensors.sensor(context, PrivacyStage.NAME, "changed");
    }

    @Override
    public void process(FixedKeyRecord<String, Routed> record) {
        Routed out = PrivacyStage.apply(record.value());
        if (out != record.value()) {
            changed.record();
        }
        context.forward(record.withValue(out));
    }
}
