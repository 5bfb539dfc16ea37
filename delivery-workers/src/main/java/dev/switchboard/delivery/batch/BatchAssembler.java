/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.delivery.http.HttpCall;
import dev.switchboard.schemas.JsonNumbers;
import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.BatchSpec;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * line, {@code WRAPPED} → the wrapper object with the items array at {@code wrapperPath}.
 */
public final class BatchAssembler {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    // the items are read and written again: emoji stay UTF-8 and decimals stay as the mapper wrote them
    private static final ObjectMapper JSON = JsonNumbers.mapper();

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
        byte[] body =
                switch (spec.getFormat()) {
                    case JSON_ARRAY -> jsonArray(requests);
                    case NDJSON -> ndjson(requests);
                    case WRAPPED -> wrapped(spec, requests);
                };
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

    private static byte[] jsonArray(List<DestinationRequest> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('[');
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(bytes(requests.get(i).getBatch().getItem()));
        }
        out.write(']');
        return out.toByteArray();
    }

    private static byte[] ndjson(List<DestinationRequest> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DestinationRequest r : requests) {
            byte[] item = bytes(r.getBatch().getItem());
            int n = item.length;
            while (n > 0 && (item[n - 1] == '\n' || item[n - 1] == '\r')) {
                n--;
            }
            out.write(item, 0, n);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] wrapped(BatchSpec spec, List<DestinationRequest> requests) {
        try {
            ObjectNode root =
                    spec.getWrapper() == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(spec.getWrapper());
            String path = spec.getWrapperPath() == null ? "batch" : spec.getWrapperPath();
            ObjectNode parent = root;
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode next = parent.get(parts[i]);
                parent = next instanceof ObjectNode o ? o : parent.putObject(parts[i]);
            }
            ArrayNode items = parent.putArray(parts[parts.length - 1]);
            for (DestinationRequest r : requests) {
                items.add(JSON.readTree(bytes(r.getBatch().getItem())));
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException | ClassCastException e) {
            throw new UncheckedIOException(new IOException("cannot assemble a WRAPPED batch: " + e.getMessage(), e));
        }
    }

    static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }
}
