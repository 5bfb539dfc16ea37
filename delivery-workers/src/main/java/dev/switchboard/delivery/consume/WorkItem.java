/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * One request read from {@code sb.dest.<id>} or its retry topic, with where it came from (for the
 * commit) and the attempts made so far.
 *
 * @param partition the partition it was read from
 * @param offset its offset there
 * @param key the record key (the user), reused for retry and dead-letter records
 * @param request the request
 * @param attempts earlier attempts, oldest first (empty for a fresh request)
 * @param firstAttemptAt when the first attempt was made; null for a fresh request
 * @param readAtNanos System.nanoTime when it was read, for batch linger
 */
public record WorkItem(
        TopicPartition partition,
        long offset,
        String key,
        DestinationRequest request,
        List<DeliveryAttempt> attempts,
        Instant firstAttemptAt,
        long readAtNanos) {

    public WorkItem {
        attempts = List.copyOf(attempts);
    }

    /** The number of the attempt about to be made (1 for the first). */
    public int nextAttempt() {
        return attempts.size() + 1;
    }
}
