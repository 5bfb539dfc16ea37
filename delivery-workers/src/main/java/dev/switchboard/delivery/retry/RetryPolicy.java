/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import dev.switchboard.delivery.http.Classification;
import dev.switchboard.delivery.http.StatusTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what follows one attempt: done, another attempt at a due time, or the dead-letter topic.
 * A retryable request is retried while its next attempt falls inside the retry window that began
 * with its first attempt (paused time not counted); a destination's {@code Retry-After} is honoured
 * as a lower bound on the delay.
 */
public final class RetryPolicy {

    /** Reason recorded when a non-retryable answer arrives. */
    public static final String NON_RETRYABLE = "non_retryable";
    /** Reason recorded when the window is over. */
    public static final String WINDOW_EXPIRED = "retry_window_expired";
    /** Reason recorded for the items a destination named as failed in a partially failed batch. */
    public static final String PARTIAL_FAILURE = StatusTable.PARTIAL_FAILURE;

    private final Backoff backoff;
    private final Duration window;

    public RetryPolicy(Backoff backoff, Duration window) {
        this.backoff = backoff;
        this.window = window;
    }

    /** The decision after {@code attempts} attempts, the first at {@code firstAttemptAt}. */
    public Decision decide(
            Classification c, int attempts, Instant firstAttemptAt, Instant now, Optional<Duration> retryAfter) {
        return decide(c, attempts, firstAttemptAt, now, retryAfter, Duration.ZERO);
    }

    /**
     * The decision after {@code attempts} attempts, the first at {@code firstAttemptAt}, when the
     * destination was paused for {@code paused} since then: the window does not run while paused.
     */
    public Decision decide(
            Classification c,
            int attempts,
            Instant firstAttemptAt,
            Instant now,
            Optional<Duration> retryAfter,
            Duration paused) {
        return switch (c.statusClass()) {
            case DELIVERED -> new Decision.Done();
            case FATAL ->
                new Decision.DeadLetter(
                        PARTIAL_FAILURE.equals(c.errorClass())
                                ? PARTIAL_FAILURE
                                : NON_RETRYABLE + ": " + c.errorClass());
            case RETRYABLE -> retry(c, attempts, firstAttemptAt.plus(paused), now, retryAfter);
        };
    }

    private Decision retry(
            Classification c, int attempts, Instant firstAttemptAt, Instant now, Optional<Duration> retryAfter) {
        Duration delay = backoff.delay(attempts);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
            delay = retryAfter.get();
        }
        Instant due = now.plus(delay);
        if (due.isAfter(firstAttemptAt.plus(window))) {
            return new Decision.DeadLetter(
                    WINDOW_EXPIRED + " after " + attempts + " attempts; last: " + c.errorClass());
        }
        return new Decision.Retry(due);
    }

    /** The outcome of {@link #decide}. */
    public sealed interface Decision {
        /** Delivered: nothing more to do. */
        record Done() implements Decision {}

        /** Try again, not before {@code dueAt}. */
        record Retry(Instant dueAt) implements Decision {}

        /** Give up and dead-letter with {@code reason}. */
        record DeadLetter(String reason) implements Decision {}
    }
}
