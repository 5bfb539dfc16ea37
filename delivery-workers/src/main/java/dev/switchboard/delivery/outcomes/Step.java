/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.outcomes;

import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.time.Instant;
import java.util.List;

/**
 * What one attempt means for one request: the decision, and the attempts so far (this one last).
 *
 * @param key the record key (the user)
 * @param request the request
 * @param attempts every attempt so far, oldest first, this one last
 * @param firstAttemptAt when the first attempt was made
 * @param decision done, retry at a due time, or dead-letter
 */
public record Step(
        String key,
        DestinationRequest request,
        List<DeliveryAttempt> attempts,
        Instant firstAttemptAt,
        Decision decision) {

    public Step {
        attempts = List.copyOf(attempts);
    }

    public DeliveryAttempt last() {
        return attempts.get(attempts.size() - 1);
    }
}
