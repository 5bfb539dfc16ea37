/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.support;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessingContext;

/**
 * A stage's counters: Kafka Streams rate-and-total sensors of the {@code sb-router} group, named by the
 * stage's processor and tagged with the task ({@code <operation>-total}, {@code <operation>-rate}).
 */
public final class StageSensors {

    private StageSensors() {}

    /** The sensor {@code operation} of the stage whose processor is {@code processorName}. */
    public static Sensor sensor(ProcessingContext context, String processorName, String operation) {
        return context.metrics()
                .addRateTotalSensor(
                        "sb-router",
                        processorName,
                        operation,
                        Sensor.RecordingLevel.INFO,
                        "task-id",
                        context.taskId().toString());
    }
}
