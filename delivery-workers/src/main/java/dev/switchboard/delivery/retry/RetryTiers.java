/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RetryEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one destination's retries wait, so that none waits behind a later one. A retry whose
 * remaining wait is at least the first tier goes to the tier of the largest delay not above it
 * ({@code sb.dest.<id>.retry.1s} ... {@code .retry.1h}, see {@link Topics#RETRY_TIERS}); every record
 * of a tier waits the same delay from when it was written, so a tier is in due order by
 * construction and its partition pauses only until its head's delay is over. Then the record either
 * moves on to a shorter tier, with what remains of its wait, or is attempted. A shorter wait goes to
 * {@code sb.dest.<id>.retry}, where the partition pauses until its head is due.
 *
 * <p><b>The bound.</b> A retry is attempted no later than its due time plus the first tier's delay
 * (1 s) plus the time to move it between tiers (a produce and a poll per move, a few milliseconds;
 * at most a handful of moves per tier). Only in {@code .retry} and in the last wait inside a tier can
 * a record wait behind another, and there every record is due within the first tier's delay.
 */
public final class RetryTiers {

    private final Topic<String, RetryEnvelope> base;
    private final List<Duration> delays;
    private final List<Topic<String, RetryEnvelope>> tiers = new ArrayList<>();
    private final Map<String, Duration> delayOf = new HashMap<>();

    public RetryTiers(String destinationId) {
        this.base = Topics.retry(destinationId);
        this.delays = Topics.RETRY_TIERS;
        delayOf.put(base.name(), Duration.ZERO);
        for (Duration d : delays) {
            Topic<String, RetryEnvelope> t = Topics.retryTier(destinationId, d);
            tiers.add(t);
            delayOf.put(t.name(), d);
        }
    }

    /** Every retry topic, {@code .retry} first: what the worker subscribes to. */
    public List<Topic<String, RetryEnvelope>> topics() {
        List<Topic<String, RetryEnvelope>> all = new ArrayList<>();
        all.add(base);
        all.addAll(tiers);
        return all;
    }

    /** The retry topic a request due at {@code dueAt} waits in, written {@code now}. */
    public Topic<String, RetryEnvelope> topicFor(Instant dueAt, Instant now) {
        Duration remaining = Duration.between(now, dueAt);
        for (int i = delays.size() - 1; i >= 0; i--) {
            if (remaining.compareTo(delays.get(i)) >= 0) {
                return tiers.get(i);
            }
        }
        return base;
    }

    /** The delay of retry topic {@code topic}: zero for {@code .retry}, null when it is no retry topic. */
    public Duration delayOf(String topic) {
        return delayOf.get(topic);
    }

    /**
     * What to do with a retry record read from {@code topic}, written at {@code writtenAt}, due at
     * {@code dueAt}.
     */
    public Plan plan(String topic, Instant writtenAt, Instant dueAt, Instant now) {
        Duration delay = delayOf(topic);
        if (delay != null && !delay.isZero()) {
            Instant wake = writtenAt.plus(delay);
            if (wake.isAfter(now)) {
                return new Plan.Wait(wake);
            }
        }
        Topic<String, RetryEnvelope> target = topicFor(dueAt, now);
        if (target != base) {
            return new Plan.Move(target);
        }
        return dueAt.isAfter(now) ? new Plan.Wait(dueAt) : new Plan.Attempt();
    }

    /** The outcome of {@link #plan}. */
    public sealed interface Plan {
        /** Not yet: pause the partition until {@code until} (the head of a tier, or a retry due soon). */
        record Wait(Instant until) implements Plan {}

        /** Write it to {@code topic} (a shorter tier) and move on. */
        record Move(Topic<String, RetryEnvelope> topic) implements Plan {}

        /** Due: attempt it. */
        record Attempt() implements Plan {}
    }
}
