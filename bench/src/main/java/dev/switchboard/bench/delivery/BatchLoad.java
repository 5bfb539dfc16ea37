/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Paced {@code /v1/batch} load on the tracking API at 127.0.0.1: {@code eventsPerCall} realistic
 * track calls per request, requests started on schedule by a thread of their own whatever the answers
 * do, each event with a unique messageId ({@code <prefix><n>}, so dedupe drops none). Counts the
 * events the API acknowledged (a 200: durable in Kafka).
 */
final class BatchLoad implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;
    private final String authorization;
    private final String prefix;
    private final AtomicLong nextEvent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    BatchLoad(int port, String writeKey, String prefix) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(port)
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(-1));
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        this.prefix = prefix;
    }

    /** Offers {@code eventsPerSecond} for {@code duration}; returns when the last request is answered. */
    void offer(double eventsPerSecond, int eventsPerCall, Duration duration) throws InterruptedException {
        double callsPerSecond = eventsPerSecond / eventsPerCall;
        long total = (long) (callsPerSecond * duration.toNanos() / 1e9);
        long origin = System.nanoTime();
        AtomicLong answered = new AtomicLong();
        Context context = vertx.getOrCreateContext();
        for (long k = 0; k < total; k++) {
            long intended = origin + (long) (k * 1e9 / callsPerSecond);
            for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            byte[] body = batch(nextEvent.getAndAdd(eventsPerCall), eventsPerCall);
            context.runOnContext(v -> send(body, eventsPerCall, answered));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (answered.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private void send(byte[] body, int events, AtomicLong answered) {
        RequestOptions o = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI("/v1/batch")
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", authorization);
        client.request(o)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() == 200) {
                        acknowledged.addAndGet(events);
                    } else {
                        refused.addAndGet(events);
                    }
                    answered.incrementAndGet();
                });
    }

    private byte[] batch(long first, int size) {
        StringBuilder b = new StringBuilder(size * 700).append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            long n = first + i;
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"type\":\"track\",\"userId\":\"user-")
                    .append(n % 10_007)
                    .append("\",\"event\":\"Order Completed\",\"messageId\":\"")
                    .append(prefix)
                    .append(n)
                    .append("\",\"timestamp\":\"2026-12-03T08:00:00.000Z\",\"properties\":{\"orderId\":\"o-")
                    .append(n)
                    .append("\",\"total\":42.99,\"currency\":\"USD\",\"products\":[{\"sku\":\"sku-")
                    .append(n % 1000)
                    .append("\",\"price\":19.99,\"quantity\":2},{\"sku\":\"sku-7\",\"price\":5.5,\"quantity\":1}],")
                    .append("\"coupon\":\"WINTER\"},\"context\":{\"library\":{\"name\":\"@segment/analytics-node\",")
                    .append("\"version\":\"3.1.0\"},\"ip\":\"203.0.113.9\",\"locale\":\"en-US\",")
                    .append("\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\"}}");
        }
        return b.append("],\"sentAt\":\"2026-12-03T08:00:00.000Z\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Events the API answered 200 for. */
    long acknowledged() {
        return acknowledged.get();
    }

    /** Events in requests that got another answer or none. */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
