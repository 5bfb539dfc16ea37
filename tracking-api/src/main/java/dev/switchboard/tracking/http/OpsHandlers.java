/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/**
 * The operational endpoints: {@code /healthz} (the process serves), {@code /readyz} (Kafka reachable
 * and config loaded; 503 otherwise, with which one is missing) and {@code /metrics} (Prometheus text).
 */
public final class OpsHandlers {

    private OpsHandlers() {}

    public static void mount(
            Router router, BooleanSupplier kafka, BooleanSupplier config, PrometheusMeterRegistry registry) {
        router.get("/healthz").handler(ctx -> {
            ctx.put(IngestHandler.METRIC_PATH, "/healthz");
            HttpReplies.json(ctx, 200, "{\"status\":\"up\"}");
        });
        router.get("/readyz").handler(ctx -> {
            ctx.put(IngestHandler.METRIC_PATH, "/readyz");
            boolean k = kafka.getAsBoolean();
            boolean c = config.getAsBoolean();
            String body = "{\"status\":\"" + (k && c ? "ready" : "not ready") + "\",\"kafka\":" + k + ",\"config\":" + c
                    + "}";
            HttpReplies.json(ctx, k && c ? 200 : 503, body);
        });
        router.get("/metrics").handler(ctx -> {
            ctx.put(IngestHandler.METRIC_PATH, "/metrics");
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                    .end(registry.scrape());
        });
    }
}
