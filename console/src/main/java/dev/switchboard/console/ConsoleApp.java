/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console;

import dev.switchboard.console.api.AdminApi;
import dev.switchboard.console.auth.ConsoleAuth;
import dev.switchboard.console.auth.SecurityHeaders;
import dev.switchboard.console.live.Recorder;
import dev.switchboard.delivery.recovery.DestinationControls;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.ops.HttpReplies;
import dev.switchboard.ops.OpsHandlers;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.workspace.ConfigView;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The console role: the pages, the admin API and {@code /healthz}, {@code /readyz}, {@code /metrics} on one
 * port. It reads the topics with consumers of its own ({@link Recorder}) and writes only what an operator asks
 * for (redrive, pause, resume), through delivery's recovery classes. Ready once the workspace view is loaded
 * and the recorder has caught up with the topics.
 */
public final class ConsoleApp implements AutoCloseable {

    private final ConsoleConfig config;
    private final ConsoleAuth auth;
    private final Recorder recorder;
    private final DestinationControls controls;
    private final Vertx vertx =
            Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
    private final Router router = Router.router(vertx);
    private HttpServer server;

    public ConsoleApp(
            ConsoleConfig config,
            KafkaAccess kafka,
            ConfigView view,
            BooleanSupplier viewLoaded,
            MapperRegistry registry,
            PrometheusMeterRegistry metrics) {
        this.config = config;
        Clock clock = Clock.systemUTC();
        this.auth = new ConsoleAuth(config.token(), config.sessionTtl(), clock);
        this.recorder = new Recorder(
                kafka,
                view,
                new Recorder.Limits(
                        config.callsPerSource(), config.errorsPerDestination(), config.traces(), config.lookback()),
                clock);
        this.controls = new DestinationControls(kafka);
        router.route().handler(SecurityHeaders::apply);
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("config", viewLoaded);
        checks.put("topics", recorder::caughtUp);
        OpsHandlers.mount(router, checks, metrics);
        router.get("/login").handler(ctx -> {
            if (auth.isToken(ctx.queryParams().get("token"))) {
                auth.login(ctx);
                ctx.response().setStatusCode(303).putHeader("Location", "/").end();
            } else {
                ctx.response()
                        .setStatusCode(303)
                        .putHeader("Location", "/#/login?failed=1")
                        .end();
            }
        });
        new AdminApi(vertx, auth, recorder, view, registry, kafka, controls, clock).mount(router);
        router.route("/*").handler(StaticHandler.create("switchboard/console").setCachingEnabled(false));
        router.errorHandler(404, ctx -> HttpReplies.error(ctx, 404, "not_found", "no such page or endpoint", null));
        router.errorHandler(405, ctx -> HttpReplies.error(ctx, 405, "method_not_allowed", "method not allowed", null));
    }

    /** Starts reading and listening; returns the bound port. */
    public int start() throws Exception {
        recorder.start();
        server = vertx.createHttpServer(
                        new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(router)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return server.actualPort();
    }

    public boolean ready() {
        return recorder.caughtUp();
    }

    /** The URL that logs a browser in with {@code token}: for dev mode, which prints it. */
    public static String loginUrl(String baseUrl, String token) {
        return baseUrl + "/login?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            recorder.close();
            controls.close();
        }
    }
}
