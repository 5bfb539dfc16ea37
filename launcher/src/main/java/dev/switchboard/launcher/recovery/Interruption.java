/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C (or SIGTERM) during a long command: instead of dying mid-write, the command is asked to
 * stop at its next safe point, and the JVM waits (up to 60 s) until it has said how far it got.
 */
final class Interruption implements BooleanSupplier, AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    private Interruption() {
        this.hook = new Thread(
                () -> {
                    requested = true;
                    try {
                        finished.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "sb-ctrl-c");
    }

    /** Listens for Ctrl-C until closed. */
    static Interruption onCtrlC() {
        Interruption i = new Interruption();
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** Whether Ctrl-C was pressed. */
    @Override
    public boolean getAsBoolean() {
        return requested;
    }

    /** The command has finished (and printed): the JVM may exit. */
    @Override
    public void close() {
        finished.countDown();
        if (!requested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
