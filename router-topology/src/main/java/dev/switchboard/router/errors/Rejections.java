/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.Stage;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds {@link Rejected} records with the original bytes kept. */
public final class Rejections {

    private Rejections() {}

    /** A rejection of a raw call at {@code stage}, with its payload as the original bytes. */
    public static Rejected of(Stage stage, String code, String reason, RawCall raw) {
        return Rejected.newBuilder()
                .setStage(stage.wireName())
                .setCode(code)
                .setReason(reason)
                .setWorkspaceId(raw.getWorkspaceId())
                .setSourceId(raw.getSourceId())
                .setMessageId(raw.getMessageId())
                .setRejectedAt(Instant.now())
                .setOriginal(ByteBuffer.wrap(raw.getPayload().getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
