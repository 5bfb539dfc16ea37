/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Randomized exponential backoff: after attempt {@code n} the nominal delay is
 * {@code base * 2^(n-1)}, capped at {@code max}, and the actual delay is uniform in
 * [nominal/2, nominal] ("equal jitter"), so retries of a burst spread out instead of returning
 * together.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, got base " + base + ", max " + max);
        }
        this.base = base;
        this.max = max;
        this.random = random;
    }

    /** The nominal (un-jittered) delay after {@code attempt} (1-based) attempts. */
    public Duration nominal(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long millis = base.toMillis();
        long cap = max.toMillis();
        long d = millis > (cap >> doublings) ? cap : millis << doublings;
        return Duration.ofMillis(Math.min(d, cap));
    }

    /** The randomized delay before the next attempt, after {@code attempt} attempts. */
    public Duration delay(int attempt) {
        long nominal = nominal(attempt).toMillis();
        long half = nominal / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (nominal - half)));
    }
}
