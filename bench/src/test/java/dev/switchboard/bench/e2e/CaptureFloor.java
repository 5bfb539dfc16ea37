/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import dev.switchboard.bench.cluster.CaptureServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The capture destination alone: the webhook's body (one event a POST) sent straight to it, from this
 * JVM, with {@value #IN_FLIGHT} requests open, as fast as it answers, for a fixed time. Its rate must be
 * well above the end-to-end figure, or the bench measures its own destination.
 */
final class CaptureFloor {

    private static final int IN_FLIGHT = 64;

    private CaptureFloor() {}

    /** Requests (events) answered 200 per second. */
    static double measure(CaptureServer capture, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        URI uri = URI.create(capture.url("floor"));
        Semaphore open = new Semaphore(IN_FLIGHT);
        AtomicLong ok = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (long i = 0; System.nanoTime() < end; i++) {
            if (!open.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(E2eEvents.event("floor-" + i)))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (response != null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                }
                open.release();
            });
        }
        open.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS);
        double rate = ok.get() / ((System.nanoTime() - start) / 1e9);
        capture.drain(); // its arrivals are not the system's
        return rate;
    }
}
