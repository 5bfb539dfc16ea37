/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * One call on the wire, confined to its sender's event loop: takes a pooled connection, writes the
 * request, reads the status, headers and up to {@link #MAX_READ_BYTES} of the body (the rest is read
 * and dropped, so the connection stays reusable), and completes exactly once: with the answer, with
 * the error, or with a timeout when the whole exchange outlasts the request timeout (the stream is
 * then reset, which closes an HTTP/1.1 connection stalled mid-body).
 */
final class Exchange {

    /** Enough bytes for {@link HttpResult#MAX_READ_CHARS} characters of any UTF-8 text. */
    static final int MAX_READ_BYTES = HttpResult.MAX_READ_CHARS * 4;

    private final CompletableFuture<HttpResult> result = new CompletableFuture<>();
    private final Instant startedAt;
    private final long startNanos;
    private final long timeoutMs;
    private long timer = -1;
    private Vertx vertx;
    private HttpClientRequest request;
    private Buffer body;
    private boolean done;

    Exchange(Instant startedAt, long startNanos, long timeoutMs) {
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.timeoutMs = timeoutMs;
    }

    CompletableFuture<HttpResult> result() {
        return result;
    }

    /** Runs on the event loop. */
    void start(Vertx vertx, HttpClient client, RequestOptions options, Buffer payload) {
        this.vertx = vertx;
        // The clock started when the call was handed over: waiting for the loop counts too.
        long left = timeoutMs - (System.nanoTime() - startNanos) / 1_000_000;
        timer = vertx.setTimer(Math.max(1, left), id -> timeout());
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                fail(ar.cause());
                return;
            }
            request = ar.result();
            if (done) {
                request.reset(0);
                return;
            }
            request.exceptionHandler(this::fail);
            request.send(payload).onComplete(sent -> {
                if (sent.failed()) {
                    fail(sent.cause());
                } else {
                    read(sent.result());
                }
            });
        });
    }

    private void read(HttpClientResponse response) {
        response.exceptionHandler(this::fail);
        response.handler(chunk -> {
            if (body == null) {
                body = chunk;
            } else if (body.length() < MAX_READ_BYTES) {
                body.appendBuffer(chunk); // chunks are copies the loop hands over: ours to grow
            }
        });
        response.endHandler(v -> succeed(response.statusCode(), response.headers()));
    }

    private void succeed(int status, MultiMap headers) {
        if (finish()) {
            String text = body == null ? "" : decode(body);
            result.complete(HttpResult.response(status, firstValues(headers), text, startedAt, elapsedMs()));
        }
    }

    private void fail(Throwable error) {
        if (finish()) {
            result.complete(HttpSender.failure(error, startedAt, elapsedMs()));
        }
    }

    private void timeout() {
        timer = -1;
        if (finish()) {
            TimeoutException e = new TimeoutException("no complete answer within " + timeoutMs + " ms");
            if (request != null) {
                request.reset(0, e); // a stalled body must not keep its connection in the pool
            }
            result.complete(HttpSender.failure(e, startedAt, elapsedMs()));
        }
    }

    /** True the first time only: the exchange completes once, whatever comes last. */
    private boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return true;
    }

    private long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static String decode(Buffer bytes) {
        int n = Math.min(bytes.length(), MAX_READ_BYTES);
        return n == bytes.length() ? bytes.toString(StandardCharsets.UTF_8) : bytes.getString(0, n, "UTF-8");
    }

    private static Map<String, String> firstValues(MultiMap headers) {
        Map<String, String> out = new HashMap<>(headers.size() * 2);
        for (Map.Entry<String, String> e : headers) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith(":")) {
                out.putIfAbsent(name, e.getValue());
            }
        }
        return out;
    }
}
