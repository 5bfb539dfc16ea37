/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RetryEnvelope;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a record of a destination's request or retry topic into a {@link WorkItem}. A record that
 * cannot be decoded is logged and skipped: it can never be delivered, and it must not stop the
 * partition.
 */
final class RecordReader {

    private static final Logger LOG = LoggerFactory.getLogger(RecordReader.class);

    private RecordReader() {}

    /** The item, or null when the record cannot be read. */
    static WorkItem read(
            ConsumerRecord<String, byte[]> r,
            TopicPartition tp,
            Topic<String, DestinationRequest> main,
            Topic<String, RetryEnvelope> retry) {
        try {
            long now = System.nanoTime();
            if (r.topic().equals(retry.name())) {
                RetryEnvelope e = retry.valueSerde().deserializer().deserialize(r.topic(), r.value());
                return new WorkItem(
                        tp, r.offset(), r.key(), e.getRequest(), e.getAttempts(), e.getFirstAttemptAt(), now);
            }
            DestinationRequest request = main.valueSerde().deserializer().deserialize(r.topic(), r.value());
            return new WorkItem(tp, r.offset(), r.key(), request, List.of(), null, now);
        } catch (RuntimeException e) {
            LOG.error("skipping unreadable record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return null;
        }
    }

    /** The due time of a retry record; null for a request record. */
    static Instant dueAt(ConsumerRecord<String, byte[]> r, Topic<String, RetryEnvelope> retry) {
        if (!r.topic().equals(retry.name())) {
            return null;
        }
        return retry.valueSerde()
                .deserializer()
                .deserialize(r.topic(), r.value())
                .getDueAt();
    }
}
