/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One destination's HTTP client: the Vert.x 4 HTTP client on an event loop of its own (so a hanging
 * destination holds only its own thread and connections), keep-alive pools of up to {@code
 * maxConnections} connections per host (the destination's in-flight window), TLS with the JDK's
 * trust store, HTTP/2 over TLS where the server offers it by ALPN (HTTP/1.1 otherwise, and always for
 * plain http), redirects not followed. The connect timeout bounds the TCP/TLS connect; the request
 * timeout bounds the whole exchange, from the call to the last byte of the answer. Never completes
 * exceptionally: failures become {@link HttpResult#failure}.
 */
public final class HttpSender implements AutoCloseable {

    private final String name;
    private final Vertx vertx;
    private final Context context;
    private final HttpClient plain;
    private final PoolOptions pool;
    private final int connectMs;
    private final int maxConnections;
    private final TrustOptions trust;
    private HttpClient tls;
    private final long requestTimeoutMs;
    private volatile Target lastTarget = new Target("", null);

    public HttpSender(String name, Duration connectTimeout, Duration requestTimeout, int maxConnections) {
        this(name, connectTimeout, requestTimeout, maxConnections, null);
    }

    /** With {@code trust} (tests only), https trusts it instead of the JDK's trust store. */
    HttpSender(String name, Duration connectTimeout, Duration requestTimeout, int maxConnections, TrustOptions trust) {
        this.name = name;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(
                        new FileSystemOptions().setFileCachingEnabled(false).setClassPathResolvingEnabled(false)));
        this.context = vertx.getOrCreateContext();
        int connectMs = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(maxConnections).setHttp2MaxSize(1);
        this.plain = vertx.createHttpClient(
                options(connectMs).setName("sb-http-" + name).setProtocolVersion(HttpVersion.HTTP_1_1), pool);
        this.pool = pool;
        this.connectMs = connectMs;
        this.maxConnections = maxConnections;
        this.trust = trust;
        this.requestTimeoutMs = Math.max(1, requestTimeout.toMillis());
    }

    /**
     * The https client, made at the first https call: building its TLS context (the JDK trust store,
     * secure random seeding) takes a while, and a destination that speaks plain http never pays it.
     */
    private synchronized HttpClient tls() {
        if (tls == null) {
            HttpClientOptions secure = options(connectMs)
                    .setName("sb-https-" + name)
                    .setSsl(true)
                    .setUseAlpn(true)
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1))
                    .setHttp2MultiplexingLimit(maxConnections);
            if (trust != null) {
                secure.setTrustOptions(trust);
            }
            tls = vertx.createHttpClient(secure, pool);
        }
        return tls;
    }

    private static HttpClientOptions options(int connectMs) {
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout(connectMs)
                .setTcpNoDelay(true)
                .setVerifyHost(true)
                .setDecompressionSupported(false)
                .setHttp2ClearTextUpgrade(false);
    }

    /** Sends {@code call}; the future always completes normally, on this sender's event loop. */
    public CompletableFuture<HttpResult> send(HttpCall call) {
        return send(call, Instant.now(), System.nanoTime());
    }

    /**
     * Sends {@code call} as a later part of an exchange that started at {@code startNanos}: the request
     * timeout bounds the whole exchange, and the result's latency counts from its start.
     */
    CompletableFuture<HttpResult> send(HttpCall call, Instant startedAt, long startNanos) {
        RequestOptions options;
        try {
            options = toOptions(call);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    HttpResult.failure("invalid_request", e.getMessage(), startedAt, 0));
        }
        Exchange exchange = new Exchange(startedAt, startNanos, requestTimeoutMs);
        HttpClient client = options.isSsl() ? tls() : plain;
        Buffer body = Buffer.buffer(call.body());
        context.runOnContext(v -> exchange.start(vertx, client, options, body));
        return exchange.result();
    }

    private RequestOptions toOptions(HttpCall call) {
        CallTarget target = target(call.url());
        CallTarget.checkHeaders(call.headers());
        RequestOptions o = new RequestOptions()
                .setMethod(HttpMethod.valueOf(CallTarget.method(call.method())))
                .setSsl(target.ssl())
                .setHost(target.host())
                .setPort(target.port())
                .setURI(target.requestUri())
                .setFollowRedirects(false);
        call.headers().forEach((k, v) -> {
            if (!CallTarget.restricted(k)) {
                o.addHeader(k, v);
            }
        });
        return o;
    }

    /** A destination sends to one URL nearly always: the last one parsed is kept. */
    private CallTarget target(String url) {
        Target last = lastTarget;
        if (last.url().equals(url)) {
            return last.target();
        }
        CallTarget parsed = CallTarget.of(url);
        lastTarget = new Target(url, parsed);
        return parsed;
    }

    static HttpResult failure(Throwable error, Instant startedAt, long ms) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String errorClass;
        if (e instanceof ConnectTimeoutException) {
            errorClass = "connect_timeout";
        } else if (e instanceof TimeoutException) {
            errorClass = "timeout";
        } else if (e instanceof ConnectException) {
            errorClass = "connect";
        } else if (e instanceof IOException || e instanceof VertxException) {
            // VertxException: the connection closed or the stream was reset before the answer was complete
            errorClass = "io";
        } else {
            errorClass = "client";
        }
        return HttpResult.failure(errorClass, e.toString(), startedAt, ms);
    }

    /** Closes the connections and stops the event loop; calls still in flight complete as failures. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // best effort: a loop that does not stop in time is abandoned, its sockets close with the JVM
        }
    }

    private record Target(String url, CallTarget target) {}
}
