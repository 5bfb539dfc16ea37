/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The {@link OffsetTracker} of every partition a worker reads, and the offsets it may commit. */
final class PartitionOffsets {

    private final Map<TopicPartition, OffsetTracker> trackers = new HashMap<>();

    void read(TopicPartition tp, long offset) {
        trackers.computeIfAbsent(tp, k -> new OffsetTracker()).read(offset);
    }

    /** The record at {@code offset} is finished. Partitions since revoked are ignored. */
    void done(TopicPartition tp, long offset) {
        OffsetTracker t = trackers.get(tp);
        if (t != null) {
            t.done(offset);
        }
    }

    /** These items' outcomes are acknowledged. Items of partitions since revoked are ignored. */
    void done(List<WorkItem> items) {
        for (WorkItem item : items) {
            OffsetTracker t = trackers.get(item.partition());
            if (t != null) {
                t.done(item.offset());
            }
        }
    }

    /** What may be committed now for {@code partitions}: only offsets that moved forward. */
    Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetTracker t = trackers.get(tp);
            long c = t == null ? -1 : t.committable();
            if (c >= 0) {
                offsets.put(tp, new OffsetAndMetadata(c));
            }
        }
        return offsets;
    }

    /** Every partition read so far. */
    Set<TopicPartition> partitions() {
        return Set.copyOf(trackers.keySet());
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> {
            OffsetTracker t = trackers.get(tp);
            if (t != null) {
                t.committed(o.offset());
            }
        });
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(trackers::remove);
    }
}
