/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local Vert.x HTTP server on 127.0.0.1 that answers every call with one fixed status (or, with
 * status 0, never answers) and counts calls per path, with the time of the first and the latest
 * call. Non-blocking, so the server is not what limits the rates measured.
 */
final class BenchServer implements AutoCloseable {

    /** Calls to one path. */
    static final class Counter {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong firstNanos = new AtomicLong();
        final AtomicLong lastNanos = new AtomicLong();

        /** Calls per second between the first and the latest call. */
        double rate() {
            long n = calls.get();
            double seconds = (lastNanos.get() - firstNanos.get()) / 1e9;
            return n < 2 || seconds <= 0 ? 0 : (n - 1) / seconds;
        }
    }

    private static final String BODY = "{\"ok\":true}";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final int status;

    BenchServer(int status) {
        this.status = status;
        try {
            this.server = vertx.createHttpServer()
                    .requestHandler(this::handle)
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the bench server", e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    Counter counter(String path) {
        return counters.computeIfAbsent(path, p -> new Counter());
    }

    private void handle(HttpServerRequest req) {
        req.body().onComplete(body -> {
            Counter c = counter(req.path());
            long now = System.nanoTime();
            if (c.calls.getAndIncrement() == 0) {
                c.firstNanos.set(now);
            }
            c.lastNanos.accumulateAndGet(now, Math::max);
            if (status != 0) {
                req.response()
                        .setStatusCode(status)
                        .putHeader("Content-Type", "application/json")
                        .end(BODY);
            }
        });
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the bench server", e);
        }
    }
}
