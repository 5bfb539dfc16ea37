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
import java.util.List;

/** Builds the records of one request: a {@code RawCall} per accepted call, a {@code Rejected} per refused item. */
public final class Records {

    private Records() {}

    public static List<KeyedRecord<RawCall>> rawCalls(List<AcceptedCall> calls, RequestMeta meta) {
        return calls.stream()
                .map(c -> new KeyedRecord<>(c.key(), rawCall(c, meta)))
                .toList();
    }

    public static List<KeyedRecord<Rejected>> rejections(List<ItemRejection> items, RequestMeta meta) {
        return items.stream()
                .map(r -> new KeyedRecord<>(r.key(), rejected(r, meta)))
                .toList();
    }

    static RawCall rawCall(AcceptedCall call, RequestMeta meta) {
        return RawCall.newBuilder()
                .setPayload(call.payload())
                .setMessageId(call.messageId())
                .setReceivedAt(meta.receivedAt())
                .setSentAt(call.sentAt())
                .setWorkspaceId(meta.workspaceId())
                .setSourceId(meta.sourceId())
                .setIp(meta.ip())
                .setUserAgent(meta.userAgent())
                .setPath(meta.path())
                .build();
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
