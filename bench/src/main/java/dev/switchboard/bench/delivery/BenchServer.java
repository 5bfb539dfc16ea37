/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server on 127.0.0.1 that answers every call with one fixed status (or, with status
 * 0, never answers until closed) and counts calls per path, with the time of the first and the
 * latest call.
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

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final int status;
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    BenchServer(int status) {
        this.status = status;
        // Without TCP_NODELAY, Nagle and delayed ACKs stall each response by ~40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    Counter counter(String path) {
        return counters.computeIfAbsent(path, p -> new Counter());
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            ex.getRequestBody().readAllBytes();
            Counter c = counter(ex.getRequestURI().getPath());
            long now = System.nanoTime();
            if (c.calls.getAndIncrement() == 0) {
                c.firstNanos.set(now);
            }
            c.lastNanos.accumulateAndGet(now, Math::max);
            if (status == 0) {
                awaitClose();
                return;
            }
            byte[] body = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
        }
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
