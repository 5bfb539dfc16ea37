/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that starts and stops what a command runs: components close in the reverse of the
 * order they were added, on {@link #close()} or on Ctrl-C (a JVM shutdown hook).
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> components = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread hook;

    /** Registers a started component; returns it. */
    public synchronized <T extends AutoCloseable> T add(T component) {
        components.push(component);
        return component;
    }

    /** Runs {@code last} after every component has closed (e.g. a final message). */
    public synchronized void atEnd(Runnable last) {
        components.addLast(last::run);
    }

    /** Closes everything on Ctrl-C (SIGTERM too). */
    public Lifecycle closeOnShutdown() {
        hook = new Thread(this::close, "switchboard-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        synchronized (this) {
            while (!components.isEmpty()) {
                AutoCloseable c = components.pop();
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("error while closing {}: {}", c.getClass().getSimpleName(), e.toString());
                }
            }
        }
        closed.countDown();
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting
            }
        }
    }
}
