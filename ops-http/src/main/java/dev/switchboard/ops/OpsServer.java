/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The operations endpoints of a role without HTTP of its own (router, delivery, warehouse), for
 * Kubernetes probes and Prometheus: the {@link OpsHandlers} the tracking API mounts too ({@code /healthz}, {@code /readyz}
 * with the role's own check, {@code /metrics}) on a port of their own.
 */
public final class OpsServer implements AutoCloseable {

    private final Vertx vertx =
            Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    private final Router router = Router.router(vertx);

    /** {@code ready} is reported under the role's name, e.g. {@code {"status":"ready","router":true}}. */
    public OpsServer(String role, BooleanSupplier ready, PrometheusMeterRegistry registry) {
        this(role, ready, () -> true, registry);
    }

    /** As above; {@code /healthz} answers 503 while {@code alive} is false. */
    public OpsServer(String role, BooleanSupplier ready, BooleanSupplier alive, PrometheusMeterRegistry registry) {
        OpsHandlers.mount(router, Map.of(role, ready), alive, registry);
        router.errorHandler(
                404, ctx -> HttpReplies.error(ctx, 404, "not_found", "/healthz, /readyz or /metrics", null));
        router.errorHandler(405, ctx -> HttpReplies.error(ctx, 405, "method_not_allowed", "use GET", null));
    }

    /** Listens on {@code host:port} ({@code 0}: a free port) and returns the bound port. */
    public int start(String host, int port) throws Exception {
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(router)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .actualPort();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
