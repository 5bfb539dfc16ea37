/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

/**
 * A token bucket: at most {@code perSecond} calls per second, bursts up to one second's worth.
 * A rate of 0 means unlimited. Used from one thread.
 */
public final class CallRateLimiter {

    private final double perSecond;
    private double tokens;
    private long refilledAt;

    public CallRateLimiter(double perSecond, long nowNanos) {
        this.perSecond = perSecond;
        this.tokens = Math.max(1, perSecond);
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one. */
    public boolean tryAcquire(long nowNanos) {
        if (perSecond <= 0) {
            return true;
        }
        tokens = Math.min(Math.max(1, perSecond), tokens + (nowNanos - refilledAt) / 1e9 * perSecond);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
