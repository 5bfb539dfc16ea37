/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.load;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: after failure n, a wait drawn from [d/2, d], d = base × 2^(n-1) ≤ max. */
record Backoff(Duration base, Duration max) {

    long delayMillis(int failures) {
        long nominal = base.toMillis();
        for (int i = 1; i < failures && nominal < max.toMillis(); i++) {
            nominal *= 2;
        }
        nominal = Math.min(nominal, max.toMillis());
        return nominal / 2 + ThreadLocalRandom.current().nextLong(nominal / 2 + 1);
    }
}
