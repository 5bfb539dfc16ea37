/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.batch;

import dev.switchboard.delivery.http.HttpCall;
import dev.switchboard.mappers.api.BatchBodies;
import dev.switchboard.mappers.api.BatchSpec.Format;
import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.BatchSpec;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one request, or several requests of the same batch key, into the HTTP call to make. A single
 * request is sent as the mapper made it, with {@code Idempotency-Key} added when it carries exactly
 * one event (unless the mapper set one). A batch takes the method, url and headers of its first
 * request and the items of all: {@code JSON_ARRAY} → {@code [a,b]}, {@code NDJSON} → one item per
 * line, {@code WRAPPED} → the wrapper object with the items array at {@code wrapperPath}, written by
 * the one batch codec, {@link BatchBodies}, that the engine and its conformance checks use too.
 */
public final class BatchAssembler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private BatchAssembler() {}

    /** The call for {@code requests}: one request as it is, or a batch. */
    public static HttpCall assemble(List<DestinationRequest> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        return requests.size() == 1 && requests.get(0).getBatch() == null ? single(requests.get(0)) : batch(requests);
    }

    static HttpCall single(DestinationRequest r) {
        Map<String, String> headers = new HashMap<>(r.getHeaders());
        boolean hasKey = headers.keySet().stream().anyMatch(IDEMPOTENCY_KEY::equalsIgnoreCase);
        if (!hasKey && r.getMessageIds().size() == 1) {
            String key = r.getIdempotencyKey() != null
                    ? r.getIdempotencyKey()
                    : r.getMessageIds().get(0);
            headers.put(IDEMPOTENCY_KEY, key);
        }
        return new HttpCall(r.getMethod(), r.getUrl(), headers, bytes(r.getBody()));
    }

    static HttpCall batch(List<DestinationRequest> requests) {
        DestinationRequest first = requests.get(0);
        BatchSpec spec = first.getBatch();
        Map<String, String> headers = new HashMap<>(first.getHeaders());
        if (requests.size() > 1) {
            // The key of one event does not describe a batch; destinations dedupe batches by messageId.
            headers.keySet().removeIf(IDEMPOTENCY_KEY::equalsIgnoreCase);
        } else if (first.getMessageIds().size() == 1 && first.getIdempotencyKey() != null) {
            headers.putIfAbsent(IDEMPOTENCY_KEY, first.getIdempotencyKey());
        }
        byte[] body = BatchBodies.combine(
                Format.valueOf(spec.getFormat().name()),
                spec.getWrapper(),
                spec.getWrapperPath(),
                requests.stream().map(r -> bytes(r.getBatch().getItem())).toList());
        return new HttpCall(first.getMethod(), first.getUrl(), headers, body);
    }

    /** The bytes one request's item adds to a batch body, separator included. */
    public static int itemBytes(DestinationRequest r) {
        return r.getBatch().getItem().remaining() + 1;
    }

    /** The fixed bytes of a batch body besides its items. */
    public static int overheadBytes(BatchSpec spec) {
        return spec.getFormat() == BatchFormat.WRAPPED && spec.getWrapper() != null
                ? spec.getWrapper().getBytes(StandardCharsets.UTF_8).length + 2
                : 2;
    }

    /** The bytes of {@code buffer} from its position, leaving it as it was. */
    public static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
