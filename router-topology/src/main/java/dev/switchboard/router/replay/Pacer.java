/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import java.util.concurrent.locks.LockSupport;

/** Bounds a rate: {@link #await} returns at most {@code perSecond} times a second (0: no bound). */
final class Pacer {

    private final long intervalNanos;
    private long nextNanos = System.nanoTime();

    Pacer(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.round(1e9 / perSecond);
    }

    /**
     * Waits for the next slot; returns false, without taking it, when the thread is interrupted (the
     * thread's interrupt flag stays set).
     */
    boolean await() {
        if (Thread.currentThread().isInterrupted()) {
            return false;
        }
        if (intervalNanos == 0) {
            return true;
        }
        long now = System.nanoTime();
        // No credit for idle time beyond one slot: a pause (e.g. a slow poll) is no licence to burst.
        nextNanos = Math.max(nextNanos, now - intervalNanos);
        while (now < nextNanos) {
            LockSupport.parkNanos(nextNanos - now);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            now = System.nanoTime();
        }
        nextNanos += intervalNanos;
        return true;
    }
}
