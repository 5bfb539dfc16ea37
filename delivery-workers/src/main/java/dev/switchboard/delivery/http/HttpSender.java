/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One destination's HTTP client: java.net.http, async, pooled keep-alive connections, TLS, its own
 * threads (so a hanging destination holds only its own), connect and request timeouts. Never
 * completes exceptionally: failures become {@link HttpResult#failure}.
 */
public final class HttpSender implements AutoCloseable {

    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpClient client;
    private final ExecutorService executor;
    private final Duration requestTimeout;

    public HttpSender(String name, Duration connectTimeout, Duration requestTimeout) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sb-http-" + name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(threads);
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** Sends {@code call}; the future always completes normally. */
    public CompletableFuture<HttpResult> send(HttpCall call) {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = toRequest(call);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    HttpResult.failure("invalid_request", e.getMessage(), startedAt, 0));
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        // The request's timeout ends when the response headers arrive; a body that stalls after them
        // must not hold the call (and the partition's offsets) for ever: the whole exchange gets it too.
        CompletableFuture<HttpResponse<byte[]>> bounded =
                exchange.copy().orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        return bounded.handle((response, error) -> {
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (error != null) {
                exchange.cancel(true); // aborts a stalled exchange; a no-op when it failed by itself
                return failure(error, startedAt, ms);
            }
            return HttpResult.response(response.statusCode(), headers(response), body(response.body()), startedAt, ms);
        });
    }

    private HttpRequest toRequest(HttpCall call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.url()))
                .timeout(requestTimeout)
                .method(call.method().toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        call.headers().forEach((k, v) -> {
            if (!RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                b.header(k, v);
            }
        });
        return b.build();
    }

    static HttpResult failure(Throwable error, Instant startedAt, long ms) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String errorClass;
        if (e instanceof HttpConnectTimeoutException) {
            errorClass = "connect_timeout";
        } else if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
            errorClass = "timeout";
        } else if (e instanceof ConnectException) {
            errorClass = "connect";
        } else if (e instanceof IOException) {
            errorClass = "io";
        } else {
            errorClass = "client";
        }
        return HttpResult.failure(errorClass, e.toString(), startedAt, ms);
    }

    private static Map<String, String> headers(HttpResponse<?> response) {
        Map<String, String> out = new HashMap<>();
        response.headers().map().forEach((k, v) -> {
            if (!v.isEmpty() && !k.startsWith(":")) {
                out.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return out;
    }

    private static String body(byte[] bytes) {
        int n = Math.min(bytes.length, HttpResult.MAX_READ_CHARS * 4);
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
