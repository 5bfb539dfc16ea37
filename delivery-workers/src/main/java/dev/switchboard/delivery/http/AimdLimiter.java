/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

/**
 * Additive-increase / multiplicative-decrease concurrency limit of one destination (TCP-style):
 * a retryable answer (429 first of all, also 5xx, 408, 423 and timeouts) halves the limit, each success adds {@code 1/limit}, between 1 and the configured maximum.
 * Only throttles answering calls sent after the last decrease count, so one burst of 429s to calls
 * that were already in flight halves the limit once, not once per call. Used from one thread.
 */
public final class AimdLimiter {

    private final int max;
    private volatile double limit;
    private long lastDecreaseNanos = Long.MIN_VALUE;

    public AimdLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.limit = max;
    }

    /** Calls that may be in flight now. */
    public int limit() {
        return (int) Math.floor(limit);
    }

    public int max() {
        return max;
    }

    /** A call answered without throttling. */
    public void onSuccess() {
        limit = Math.min(max, limit + 1.0 / limit);
    }

    /** A call sent at {@code sentAtNanos} (System.nanoTime) was throttled (429) or failed retryably. */
    public void onThrottle(long sentAtNanos, long nowNanos) {
        if (lastDecreaseNanos != Long.MIN_VALUE && sentAtNanos - lastDecreaseNanos < 0) {
            return;
        }
        limit = Math.max(1.0, Math.floor(limit / 2));
        lastDecreaseNanos = nowNanos;
    }
}
