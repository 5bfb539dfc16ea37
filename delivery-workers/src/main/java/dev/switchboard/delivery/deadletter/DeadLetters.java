/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.deadletter;

import dev.switchboard.delivery.http.Classification;
import dev.switchboard.delivery.http.HttpResult;
import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.time.Instant;
import java.util.List;

/** Builds the records that keep the evidence: one attempt, and the dead letter of a request. */
public final class DeadLetters {

    private DeadLetters() {}

    /**
     * The attempt numbered {@code attempt} that produced {@code result}, classified {@code c} for this
     * request; its error is the answer's reason for this item of a batch when there is one, else the call's.
     */
    public static DeliveryAttempt attempt(int attempt, HttpResult result, Classification c) {
        return DeliveryAttempt.newBuilder()
                .setAttempt(attempt)
                .setAttemptedAt(result.startedAt())
                .setLatencyMs(result.latencyMs())
                .setHttpStatus(result.status())
                .setErrorClass(c.errorClass())
                .setError(c.reason() != null ? c.reason() : result.error())
                .setResponseHeaders(result.headers())
                .setResponseBody(HttpResult.truncate(result.body()))
                .build();
    }

    /** The dead letter of {@code request} after {@code attempts}, for {@code reason}. */
    public static DeadLetter of(DestinationRequest request, List<DeliveryAttempt> attempts, String reason, Instant at) {
        return DeadLetter.newBuilder()
                .setRequest(request)
                .setAttempts(List.copyOf(attempts))
                .setReason(reason)
                .setDeadLetteredAt(at)
                .build();
    }
}
