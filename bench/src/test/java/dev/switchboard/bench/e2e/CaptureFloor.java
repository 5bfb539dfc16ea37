/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.cluster.CaptureServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The capture destination alone: the webhook's body (one event a POST) sent straight to it from this
 * JVM by a Vert.x client (as the delivery sends), {@value #IN_FLIGHT} requests open, as fast as it
 * answers, for a fixed time. Its rate must be well above the end-to-end deliveries per second, or
 * the bench measures its own destination.
 */
final class CaptureFloor {

    private static final int IN_FLIGHT = 64;

    private CaptureFloor() {}

    /** Requests (events) answered 200 per second. */
    static double measure(CaptureServer capture, Duration duration) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpClient http = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(IN_FLIGHT));
        URI uri = URI.create(capture.url("floor"));
        RequestOptions post = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(uri.getHost())
                .setPort(uri.getPort())
                .setURI(uri.getPath())
                .putHeader("Content-Type", "application/json");
        Semaphore open = new Semaphore(IN_FLIGHT);
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            for (long i = 0; System.nanoTime() < end; i++) {
                if (!open.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Buffer body = Buffer.buffer(E2eEvents.event("floor-" + i));
                http.request(post)
                        .compose(request -> request.send(body))
                        .compose(response -> response.statusCode() == 200
                                ? response.body().map(b -> true)
                                : response.body().map(b -> false))
                        .onComplete(answered -> {
                            if (answered.succeeded() && answered.result()) {
                                ok.incrementAndGet();
                            }
                            open.release();
                        });
            }
            open.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS);
            return ok.get() / ((System.nanoTime() - start) / 1e9);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            capture.drain(); // its arrivals are not the system's
        }
    }
}
