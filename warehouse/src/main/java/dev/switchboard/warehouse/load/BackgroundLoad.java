/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.load;

import dev.switchboard.warehouse.Warehouse;
import dev.switchboard.warehouse.WarehouseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one batch being loaded on a thread of its own while the consumer's thread reads the next:
 * the warehouse writes batch N while events are parsed and flattened into batch N+1. At most one
 * batch is in flight, so batches reach the warehouse in the order they were read; the consumer's
 * thread commits a batch's offsets only after {@link #await} returned, i.e. after the warehouse
 * committed it, and hands over the next batch only then.
 */
final class BackgroundLoad implements AutoCloseable {

    private final Warehouse warehouse;
    private final ExecutorService thread;
    private PendingBatch batch;
    private Future<?> done;
    private volatile long tookNanos;

    BackgroundLoad(Warehouse warehouse, String threadName) {
        this.warehouse = warehouse;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts loading {@code b}; nothing may be in flight. */
    void start(PendingBatch b) {
        if (batch != null) {
            throw new IllegalStateException("a batch is already in flight");
        }
        batch = b;
        retry();
    }

    /**
     * Lets the warehouse check {@code next}, complete, on this (the consumer's) thread while the
     * batch in flight is written ({@link Warehouse#prepare}).
     */
    void prepare(PendingBatch next) {
        warehouse.prepare(next.rows());
    }

    /** Loads the batch in flight again (after it failed). */
    void retry() {
        PendingBatch b = batch;
        done = thread.submit(() -> {
            long start = System.nanoTime();
            warehouse.load(b.rows());
            tookNanos = System.nanoTime() - start;
            return null;
        });
    }

    /** Whether a batch is in flight: loading, loaded but not yet taken, or failed and kept. */
    boolean busy() {
        return batch != null;
    }

    /** Whether the batch in flight has finished loading, one way or the other. */
    boolean finished() {
        return batch != null && done.isDone();
    }

    PendingBatch batch() {
        return batch;
    }

    /** How long the last successful load took, in nanoseconds. */
    long tookNanos() {
        return tookNanos;
    }

    /**
     * Waits for the batch in flight: returns once the warehouse committed it, throws the
     * warehouse's refusal (the batch stays in flight, for {@link #retry}), and rethrows anything
     * else the load threw on the consumer's thread, as the synchronous load would have.
     */
    void await() throws WarehouseException {
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WarehouseException w) {
                throw w;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the warehouse loads", e);
        }
    }

    /** Forgets the batch in flight (loaded and committed, or dropped). */
    void clear() {
        batch = null;
        done = null;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
