/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * HTTP load on 127.0.0.1 with a Vert.x client and a pool of keep-alive connections: closed loop
 * (each connection sends its next request when the last one is answered) or paced at a fixed
 * request rate, latency measured from each request's intended start (no coordinated omission).
 */
final class HttpLoad implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;
    private final String authorization;

    HttpLoad(int port, int connections, String authorization) {
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setDefaultHost("127.0.0.1")
                        .setDefaultPort(port)
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.authorization = authorization;
    }

    /** {@code lanes} requests always outstanding, for warmup then measure. */
    Result closedLoop(
            String name,
            String path,
            IntFunction<byte[]> body,
            int eventsPerRequest,
            int lanes,
            Duration warmup,
            Duration measure)
            throws InterruptedException {
        Phase phase = new Phase(System.nanoTime() + warmup.toNanos(), measure);
        CountDownLatch done = new CountDownLatch(lanes);
        AtomicLong counter = new AtomicLong();
        for (int lane = 0; lane < lanes; lane++) {
            vertx.runOnContext(v -> next(path, body, eventsPerRequest, phase, counter, done));
        }
        done.await(measure.plus(warmup).toSeconds() + 60, TimeUnit.SECONDS);
        return phase.result(name);
    }

    private void next(
            String path, IntFunction<byte[]> body, int events, Phase phase, AtomicLong counter, CountDownLatch done) {
        long start = System.nanoTime();
        if (start > phase.end) {
            done.countDown();
            return;
        }
        send(path, body.apply((int) counter.getAndIncrement())).onComplete(r -> {
            phase.record(start, r.succeeded() && r.result() == 200, events);
            next(path, body, events, phase, counter, done);
        });
    }

    /** Requests started at {@code rate} per second whatever the answers do; latency from the intended start. */
    Result paced(String name, String path, IntFunction<byte[]> body, double rate, Duration warmup, Duration measure)
            throws InterruptedException {
        Phase phase = new Phase(System.nanoTime() + warmup.toNanos(), measure);
        long origin = System.nanoTime();
        long total = (long) (rate * (warmup.toNanos() + measure.toNanos()) / 1e9);
        AtomicLong issued = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        // A thread of its own keeps the schedule to ~0.1 ms (a Vert.x timer fires at most every 1 ms, and
        // its lateness would be counted against the server), then hands each request to the client's loop.
        Context context = vertx.getOrCreateContext();
        Thread pacer = new Thread(
                () -> {
                    for (long k = 0; k < total && !Thread.currentThread().isInterrupted(); k++) {
                        long intended = origin + (long) (k * 1e9 / rate);
                        for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        int n = (int) k;
                        issued.incrementAndGet();
                        context.runOnContext(v -> send(path, body.apply(n)).onComplete(r -> {
                            phase.record(intended, r.succeeded() && r.result() == 200, 1);
                            answered.incrementAndGet();
                        }));
                    }
                },
                "paced-load");
        pacer.setDaemon(true);
        pacer.start();
        long deadline = System.nanoTime() + warmup.plus(measure).plusSeconds(60).toNanos();
        while ((issued.get() < total || answered.get() < issued.get()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        pacer.interrupt();
        return phase.result(name);
    }

    private Future<Integer> send(String path, byte[] body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(path)
                .putHeader("Content-Type", "application/json")
                .putHeader("Authorization", authorization);
        return client.request(options)
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> resp.statusCode()));
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }

    /** What one phase measured; requests that started during warmup are not counted. */
    private static final class Phase {
        final long from;
        final long end;
        final ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
        final AtomicLong events = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        volatile long lastAnswer;

        Phase(long from, Duration measure) {
            this.from = from;
            this.end = from + measure.toNanos();
        }

        void record(long start, boolean ok, int eventCount) {
            long now = System.nanoTime();
            if (start < from) {
                return;
            }
            lastAnswer = Math.max(lastAnswer, now);
            if (ok) {
                events.addAndGet(eventCount);
                latency.recordValue(Math.max(1, (now - start) / 1000));
            } else {
                failures.incrementAndGet();
            }
        }

        Result result(String name) {
            double seconds = (Math.max(lastAnswer, end) - from) / 1e9;
            return new Result(name, events.get(), seconds, latency, failures.get());
        }
    }
}
