/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per source: {@code ratePerSecond} tokens a second, at most {@code burst} saved.
 * One request takes one token (Segment's limit is per request). A rate of 0 turns it off.
 */
public final class SourceRateLimiter {

    /** The answer for one request: allowed, or how long until a token is available. */
    public record Decision(boolean allowed, long retryAfterNanos) {}

    private static final Decision ALLOWED = new Decision(true, 0);
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int ratePerSecond;
    private final int burst;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SourceRateLimiter(int ratePerSecond, int burst, LongSupplier nanoClock) {
        this.ratePerSecond = ratePerSecond;
        this.burst = Math.max(1, burst);
        this.clock = nanoClock;
    }

    public boolean enabled() {
        return ratePerSecond > 0;
    }

    /** Takes one token from {@code sourceId}'s bucket, if there is one. */
    public Decision tryAcquire(String sourceId) {
        if (!enabled()) {
            return ALLOWED;
        }
        Bucket bucket = buckets.computeIfAbsent(sourceId, k -> new Bucket(burst, clock.getAsLong()));
        synchronized (bucket) {
            long now = clock.getAsLong();
            double refill = (now - bucket.updatedAt) * (double) ratePerSecond / NANOS_PER_SECOND;
            bucket.tokens = Math.min(burst, bucket.tokens + refill);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return ALLOWED;
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) * NANOS_PER_SECOND / ratePerSecond);
            return new Decision(false, wait);
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
