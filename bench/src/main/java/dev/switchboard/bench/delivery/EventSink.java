/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The always-200 destination of the end-to-end bench, on 127.0.0.1: counts the calls it receives and
 * the distinct events in them (each event carries one {@code "messageId":"<prefix><n>"}, whether the
 * call holds one event or a JSON array of them), so a re-sent event is counted once.
 */
final class EventSink implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpServer server;
    private final byte[] marker;
    private final Set<Long> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong events = new AtomicLong();

    EventSink(String messageIdPrefix) {
        this.marker = ("\"messageId\":\"" + messageIdPrefix).getBytes(StandardCharsets.UTF_8);
        try {
            this.server = vertx.createHttpServer()
                    .requestHandler(req -> req.body().onSuccess(body -> {
                        calls.incrementAndGet();
                        count(body);
                        req.response()
                                .putHeader("Content-Type", "application/json")
                                .end("{\"ok\":true}");
                    }))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the event sink", e);
        }
    }

    private void count(Buffer body) {
        byte[] b = body.getBytes();
        for (int i = indexOf(b, 0); i >= 0; i = indexOf(b, i + marker.length)) {
            long n = 0;
            int j = i + marker.length;
            while (j < b.length && b[j] >= '0' && b[j] <= '9') {
                n = n * 10 + (b[j++] - '0');
            }
            events.incrementAndGet();
            seen.add(n);
        }
    }

    private int indexOf(byte[] b, int from) {
        outer:
        for (int i = from; i <= b.length - marker.length; i++) {
            for (int k = 0; k < marker.length; k++) {
                if (b[i + k] != marker[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Distinct events received. */
    long distinct() {
        return seen.size();
    }

    /** Events received, re-sent ones included. */
    long events() {
        return events.get();
    }

    long calls() {
        return calls.get();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
