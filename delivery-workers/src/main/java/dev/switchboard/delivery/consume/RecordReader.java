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
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record of a destination's request or retry topic into a {@link WorkItem}. A record that
 * cannot be decoded comes back as {@link Read#unreadable} with why; the worker puts it on {@code sb.rejected}
 * with its bytes and goes on: it can never be delivered, and it must not stop the partition.
 */
final class RecordReader {

    /**
     * A record read: the item, and when it came from a retry topic its due time (else null) and when
     * it was written there.
     */
    record Read(WorkItem item, Instant dueAt, Instant writtenAt, String problem) {

        Read(WorkItem item, Instant dueAt, Instant writtenAt) {
            this(item, dueAt, writtenAt, null);
        }

        /** A record that cannot be read: no item, and why. */
        static Read unreadable(String problem) {
            return new Read(null, null, null, problem);
        }
    }

    private final Set<String> retryTopics;
    private final Deserializer<DestinationRequest> requests;
    private final Deserializer<RetryEnvelope> envelopes;

    RecordReader(Topic<String, DestinationRequest> main, List<Topic<String, RetryEnvelope>> retry) {
        this.retryTopics = retry.stream().map(Topic::name).collect(Collectors.toUnmodifiableSet());
        this.requests = main.valueSerde().deserializer();
        this.envelopes = retry.get(0).valueSerde().deserializer();
    }

    /** The record read, or {@link Read#unreadable} with the reason. */
    Read read(ConsumerRecord<String, byte[]> r) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        long now = System.nanoTime();
        if (r.value() == null) { // a tombstone, which no stage writes: nothing to deliver
            return Read.unreadable("the record has no value");
        }
        try {
            if (retryTopics.contains(r.topic())) {
                RetryEnvelope e = envelopes.deserialize(r.topic(), r.value());
                WorkItem item = new WorkItem(
                        tp, r.offset(), r.key(), e.getRequest(), e.getAttempts(), e.getFirstAttemptAt(), now);
                return new Read(item, e.getDueAt(), Instant.ofEpochMilli(r.timestamp()));
            }
            DestinationRequest request = requests.deserialize(r.topic(), r.value());
            return new Read(new WorkItem(tp, r.offset(), r.key(), request, List.of(), null, now), null, null);
        } catch (RuntimeException e) {
            return Read.unreadable("the record cannot be decoded: " + e);
        }
    }
}
