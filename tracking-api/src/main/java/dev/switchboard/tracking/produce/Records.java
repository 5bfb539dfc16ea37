/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.produce;

import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.tracking.calls.AcceptedCall;
import dev.switchboard.tracking.calls.ItemRejection;
import dev.switchboard.tracking.produce.IngestProducer.KeyedRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the records of one request: a {@code RawCall} per accepted call, a {@code Rejected} per refused item. */
public final class Records {

    private Records() {}

    public static List<KeyedRecord<RawCall>> rawCalls(List<AcceptedCall> calls, RequestMeta meta) {
        List<KeyedRecord<RawCall>> records = new ArrayList<>(calls.size());
        for (AcceptedCall c : calls) {
            records.add(new KeyedRecord<>(c.key(), rawCall(c, meta)));
        }
        return records;
    }

    public static List<KeyedRecord<Rejected>> rejections(List<ItemRejection> items, RequestMeta meta) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<KeyedRecord<Rejected>> records = new ArrayList<>(items.size());
        for (ItemRejection r : items) {
            records.add(new KeyedRecord<>(r.key(), rejected(r, meta)));
        }
        return records;
    }

    /** Through the all-fields constructor: the builder's per-record checks and default copies cost more than the call. */
    static RawCall rawCall(AcceptedCall call, RequestMeta meta) {
        return new RawCall(
                call.payload(),
                call.messageId(),
                meta.receivedAt(),
                call.sentAt(),
                meta.workspaceId(),
                meta.sourceId(),
                meta.ip(),
                meta.userAgent(),
                meta.path());
    }

    static Rejected rejected(ItemRejection item, RequestMeta meta) {
        return Rejected.newBuilder()
                .setStage(Stage.INGEST.wireName())
                .setCode(item.rejection().code())
                .setReason(
                        "batch item " + item.index() + ": " + item.rejection().message())
                .setWorkspaceId(meta.workspaceId())
                .setSourceId(meta.sourceId())
                .setMessageId(item.messageId())
                .setRejectedAt(meta.receivedAt())
                .setOriginal(
                        item.original() == null
                                ? null
                                : ByteBuffer.wrap(item.original().getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
