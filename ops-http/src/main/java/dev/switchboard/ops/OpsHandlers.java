/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.ops;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The operational endpoints of every role: {@code /healthz} (the process serves), {@code /readyz}
 * (every named check true; 503 otherwise, with each check's value) and {@code /metrics} (Prometheus
 * text). The tracking API mounts them beside its routes; the router and delivery roles on a port of
 * their own.
 */
public final class OpsHandlers {

    /** The routing-context key under which a handler names its route for the request metrics. */
    public static final String METRIC_PATH = "switchboard.metricPath";

    private OpsHandlers() {}

    /** {@code checks} in the order {@code /readyz} lists them, e.g. {@code kafka} then {@code config}. */
    public static void mount(Router router, Map<String, BooleanSupplier> checks, PrometheusMeterRegistry registry) {
        mount(router, checks, () -> true, registry);
    }

    /**
     * As above, with {@code /healthz} answering 503 ({@code "down"}) while {@code alive} is false: a
     * role that cannot recover by itself (e.g. every stream thread dead) is restarted by its liveness
     * probe.
     */
    public static void mount(
            Router router,
            Map<String, BooleanSupplier> checks,
            BooleanSupplier alive,
            PrometheusMeterRegistry registry) {
        router.get("/healthz").handler(ctx -> {
            ctx.put(METRIC_PATH, "/healthz");
            boolean up = alive.getAsBoolean();
            HttpReplies.json(ctx, up ? 200 : 503, up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
        });
        router.get("/readyz").handler(ctx -> {
            ctx.put(METRIC_PATH, "/readyz");
            StringBuilder values = new StringBuilder();
            boolean ready = true;
            for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
                boolean ok = check.getValue().getAsBoolean();
                ready &= ok;
                values.append(",\"").append(check.getKey()).append("\":").append(ok);
            }
            HttpReplies.json(
                    ctx, ready ? 200 : 503, "{\"status\":\"" + (ready ? "ready" : "not ready") + "\"" + values + "}");
        });
        router.get("/metrics").handler(ctx -> {
            ctx.put(METRIC_PATH, "/metrics");
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
                    .end(registry.scrape());
        });
    }
}
