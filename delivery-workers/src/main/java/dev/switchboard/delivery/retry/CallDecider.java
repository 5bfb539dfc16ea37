/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import dev.switchboard.delivery.http.Classification;
import dev.switchboard.delivery.http.HttpResult;
import dev.switchboard.delivery.http.RetryAfter;
import dev.switchboard.delivery.http.StatusClass;
import dev.switchboard.delivery.http.StatusTable;
import dev.switchboard.delivery.retry.RetryPolicy.Decision;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import dev.switchboard.schemas.avro.SuccessBodySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What one answer of a destination means, decided without I/O: the call's class (for the concurrency limit),
 * how long the whole destination must wait ({@code Retry-After} on a retryable answer), and for each request of
 * the call, batch or not, its class (a batch whose answer names failed items is split per item) and what follows:
 * done, another attempt at a due time, or a dead letter.
 */
public final class CallDecider {

    /**
     * One request of the call.
     *
     * @param attempt the attempt being decided (1 for the first)
     * @param firstAttemptAt when its first attempt was, or null for a first attempt
     * @param body its element of the batch as sent (where an answer naming items by id finds its id), or null
     */
    public record Item(int attempt, Instant firstAttemptAt, byte[] body) {

        /** A request whose batch element does not matter (an answer naming items by id names none). */
        public Item(int attempt, Instant firstAttemptAt) {
            this(attempt, firstAttemptAt, null);
        }
    }

    /**
     * The decision for one call.
     *
     * @param call the class of the answer as a whole
     * @param destinationWait how long no call may go to the destination, when it asked so
     * @param classes each request's class, in the call's order
     * @param firstAttempts each request's first attempt ({@code startedAt} of this answer for a first attempt)
     * @param decisions what follows for each request, in the call's order
     */
    public record Verdict(
            Classification call,
            Optional<Duration> destinationWait,
            List<Classification> classes,
            List<Instant> firstAttempts,
            List<Decision> decisions) {}

    private final RetryPolicy policy;

    public CallDecider(RetryPolicy policy) {
        this.policy = policy;
    }

    /**
     * Decides {@code result} for {@code items}.
     *
     * @param success the body check of a 2xx, or null
     * @param partialFailure how the destination names the failed items of a batch, or null
     * @param pausedBetween how long the destination was paused between two instants (not counted in the window)
     */
    public Verdict decide(
            HttpResult result,
            SuccessBodySpec success,
            PartialFailureSpec partialFailure,
            List<Item> items,
            Instant now,
            BiFunction<Instant, Instant, Duration> pausedBetween) {
        Classification call = StatusTable.classify(result, success);
        Optional<Duration> retryAfter =
                result.status() == null ? Optional.empty() : RetryAfter.parse(result.headers(), now);
        List<Classification> classes = StatusTable.classifyItems(
                result, partialFailure, success, items.stream().map(Item::body).toList());
        List<Instant> firsts = new ArrayList<>(items.size());
        List<Decision> decisions = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Instant first = item.firstAttemptAt() != null ? item.firstAttemptAt() : result.startedAt();
            firsts.add(first);
            decisions.add(policy.decide(
                    classes.get(i), item.attempt(), first, now, retryAfter, pausedBetween.apply(first, now)));
        }
        Optional<Duration> wait = call.statusClass() == StatusClass.RETRYABLE ? retryAfter : Optional.empty();
        return new Verdict(call, wait, List.copyOf(classes), List.copyOf(firsts), List.copyOf(decisions));
    }
}
