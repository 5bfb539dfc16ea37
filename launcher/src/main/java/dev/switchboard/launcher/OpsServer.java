/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The operations endpoints of a role without HTTP of its own (router, delivery), for Kubernetes
 * probes and Prometheus: {@code GET /healthz} (the process serves), {@code GET /readyz} (200 when the
 * role says it is ready, else 503) and {@code GET /metrics} (the role's registry, Prometheus text).
 * The tracking API serves the same paths on its own port.
 */
final class OpsServer implements AutoCloseable {

    private final String role;
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry registry;
    private final Vertx vertx =
            Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));

    OpsServer(String role, BooleanSupplier ready, PrometheusMeterRegistry registry) {
        this.role = role;
        this.ready = ready;
        this.registry = registry;
    }

    /** Listens on {@code host:port} ({@code 0}: a free port) and returns the bound port. */
    int start(String host, int port) throws Exception {
        HttpServer server = vertx.createHttpServer(
                        new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(this::handle);
        return server.listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .actualPort();
    }

    private void handle(HttpServerRequest request) {
        if (!"GET".equals(request.method().name())) {
            reply(request, 405, "{\"code\":\"method_not_allowed\",\"message\":\"use GET\"}");
            return;
        }
        switch (request.path()) {
            case "/healthz" -> reply(request, 200, "{\"status\":\"up\",\"role\":\"" + role + "\"}");
            case "/readyz" -> {
                boolean ok = ready.getAsBoolean();
                reply(
                        request,
                        ok ? 200 : 503,
                        "{\"status\":\"" + (ok ? "ready" : "not ready") + "\",\"role\":\"" + role + "\"}");
            }
            case "/metrics" ->
                request.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                        .end(registry.scrape());
            default -> reply(request, 404, "{\"code\":\"not_found\",\"message\":\"/healthz, /readyz or /metrics\"}");
        }
    }

    private static void reply(HttpServerRequest request, int status, String json) {
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(json);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
