/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Vert.x HTTP(S) server on 127.0.0.1 for the sender's tests: records what arrived (method, URI,
 * headers, body, protocol, client port) and lets the test answer.
 */
final class LocalServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Seen(
            String method, String uri, io.vertx.core.MultiMap headers, String body, HttpVersion version, int port) {}

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final String scheme;

    LocalServer(HttpServerOptions options, Consumer<HttpServerRequest> answer) {
        this.scheme = options.isSsl() ? "https" : "http";
        try {
            this.server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0))
                    .requestHandler(req -> req.body().onSuccess(b -> {
                        int port = req.remoteAddress().port();
                        clientPorts.add(port);
                        seen.add(new Seen(
                                req.method().name(), req.uri(), req.headers(), b.toString(), req.version(), port));
                        answer.accept(req);
                    }))
                    .listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test server", e);
        }
    }

    static LocalServer http(Consumer<HttpServerRequest> answer) {
        return new LocalServer(new HttpServerOptions(), answer);
    }

    String url(String path) {
        return scheme + "://127.0.0.1:" + server.actualPort() + path;
    }

    List<Seen> seen() {
        return seen;
    }

    /** How many client connections (distinct client ports) sent requests. */
    int connections() {
        return clientPorts.size();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
