/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.testing;

import dev.switchboard.schemas.avro.BatchFormat;
import dev.switchboard.schemas.avro.BatchSpec;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.workspace.config.DeliveryOptions;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Destination requests and workspaces as the router and config apply would write them. */
public final class Requests {

    private Requests() {}

    /** A single-event webhook-style POST carrying {@code messageId} in its body, signed. */
    public static DestinationRequest single(String destinationId, String url, String messageId) {
        String body = "{\"messageId\":\"" + messageId + "\",\"type\":\"track\",\"event\":\"Clicked\"}";
        return DestinationRequest.newBuilder()
                .setDestinationId(destinationId)
                .setDestinationType("webhook")
                .setMessageIds(List.of(messageId))
                .setMethod("POST")
                .setUrl(url)
                .setHeaders(Map.of(
                        "Content-Type", "application/json",
                        "User-Agent", "Switchboard/test",
                        "X-Signature", "sig-" + messageId))
                .setBody(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .setIdempotencyKey(messageId)
                .setBatchKey(null)
                .setCreatedAt(Instant.now())
                .setBatch(null)
                .build();
    }

    /** A request that may be batched with others of {@code batchKey}: its item is its body. */
    public static DestinationRequest batchable(
            String destinationId,
            String url,
            String messageId,
            String batchKey,
            BatchFormat format,
            int maxEvents,
            int maxBytes) {
        DestinationRequest r = single(destinationId, url, messageId);
        r.setBatchKey(batchKey);
        r.setBatch(BatchSpec.newBuilder()
                .setItem(r.getBody().duplicate())
                .setFormat(format)
                .setWrapper(format == BatchFormat.WRAPPED ? "{\"api_key\":\"k\"}" : null)
                .setWrapperPath(format == BatchFormat.WRAPPED ? "events" : null)
                .setMaxEvents(maxEvents)
                .setMaxBytes(maxBytes)
                .build());
        return r;
    }

    public static DestinationConfig destination(String id, DeliveryOptions delivery) {
        return new DestinationConfig(id, "webhook", null, null, null, delivery);
    }

    public static WorkspaceConfig workspace(String id, DestinationConfig... destinations) {
        return new WorkspaceConfig(id, List.of(), List.of(destinations), List.of());
    }
}
