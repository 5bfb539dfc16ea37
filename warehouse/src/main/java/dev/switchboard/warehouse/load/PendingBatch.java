/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.load;

import dev.switchboard.warehouse.schema.FlatRow;
import dev.switchboard.warehouse.schema.TableRows;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The events read since the last load: their rows by table, and per partition the first offset
 * read (where to go back to when the batch is dropped) and the next offset to commit once loaded.
 */
final class PendingBatch {

    private TableRows rows = new TableRows();
    private final Map<TopicPartition, Long> first = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private int records;
    private long bytes;
    private long startedAt;

    /** Records one event read at {@code offset}, with the rows it gives (none when filtered out). */
    void add(TopicPartition tp, long offset, int size, List<FlatRow> eventRows, long now) {
        if (records == 0) {
            startedAt = now;
        }
        records++;
        bytes += size;
        first.putIfAbsent(tp, offset);
        next.put(tp, offset + 1);
        eventRows.forEach(rows::add);
    }

    /** Whether a bound is reached: rows, bytes, or the first event's wait. */
    boolean due(int maxRecords, long maxBytes, long lingerMillis, long now) {
        return records > 0 && (records >= maxRecords || bytes >= maxBytes || now - startedAt >= lingerMillis);
    }

    boolean isEmpty() {
        return records == 0;
    }

    int records() {
        return records;
    }

    TableRows rows() {
        return rows;
    }

    /** The offsets to commit once the rows are in the warehouse. */
    Map<TopicPartition, OffsetAndMetadata> offsets() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        next.forEach((tp, o) -> out.put(tp, new OffsetAndMetadata(o)));
        return out;
    }

    /** Where each partition's batch began: to read it again when it is dropped unloaded. */
    Map<TopicPartition, Long> firstOffsets() {
        return Map.copyOf(first);
    }

    void clear() {
        rows = new TableRows();
        first.clear();
        next.clear();
        records = 0;
        bytes = 0;
    }
}
