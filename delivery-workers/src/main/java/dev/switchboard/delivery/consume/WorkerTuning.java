/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one destination's worker needs to know, resolved from the role's options and the
 * destination's {@code delivery:} block.
 *
 * @param destinationId the destination instance id
 * @param connectTimeout connect timeout of a call
 * @param requestTimeout time allowed for an answer
 * @param retryWindow how long after the first attempt a request is retried
 * @param backoffBase first backoff delay
 * @param backoffMax longest backoff delay
 * @param maxInFlight most calls in flight (AIMD ceiling)
 * @param ratePerSecond calls per second; 0 = unlimited
 * @param batchLinger how long a batch may wait to fill
 * @param perUserOrdering hold a user's later requests while an earlier one is retrying
 * @param perUserMaxHeld requests held per user before the consumer pauses
 * @param maxPending records read ahead before the consumer pauses
 * @param commitInterval how often offsets are committed
 * @param shutdownTimeout how long close waits for in-flight calls
 * @param consumerOverrides Kafka consumer settings
 */
public record WorkerTuning(
        String destinationId,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration retryWindow,
        Duration backoffBase,
        Duration backoffMax,
        int maxInFlight,
        double ratePerSecond,
        Duration batchLinger,
        boolean perUserOrdering,
        int perUserMaxHeld,
        int maxPending,
        Duration commitInterval,
        Duration shutdownTimeout,
        Map<String, String> consumerOverrides) {

    public WorkerTuning {
        Objects.requireNonNull(destinationId, "destinationId");
        consumerOverrides = Map.copyOf(consumerOverrides);
    }

    /** The consumer group of this destination's worker(s). */
    public String groupId() {
        return "sb-delivery-" + destinationId;
    }
}
