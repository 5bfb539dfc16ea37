/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Tasks handed to the worker thread by HTTP and producer callbacks, run by the worker in order. */
final class Mailbox implements Executor {

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs every queued task (on the calling thread, which must be the worker). */
    void drain() {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }

    /** Waits up to {@code timeout} for a task and runs it. */
    void await(Duration timeout) {
        try {
            Runnable r = tasks.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (r != null) {
                r.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
