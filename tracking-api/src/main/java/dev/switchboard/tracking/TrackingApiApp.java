/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.ops.HttpReplies;
import dev.switchboard.ops.OpsHandlers;
import dev.switchboard.tracking.auth.ClientAddress;
import dev.switchboard.tracking.calls.Json;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.tracking.http.CallWriter;
import dev.switchboard.tracking.http.Cors;
import dev.switchboard.tracking.http.IngestHandler;
import dev.switchboard.tracking.http.SettingsHandler;
import dev.switchboard.tracking.limits.SourceRateLimiter;
import dev.switchboard.tracking.metrics.IngestMetrics;
import dev.switchboard.tracking.produce.IngestProducer;
import dev.switchboard.tracking.produce.KafkaHealth;
import dev.switchboard.workspace.ConfigView;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking API role: a Vert.x HTTP server (one server instance per event loop, sharing the port)
 * in front of one idempotent acks=all producer. {@link #start()} binds and returns the port;
 * {@link #close()} is graceful: new requests get 503 with {@code Connection: close}, in-flight ones
 * finish (bounded by the shutdown timeout), then the server, the producer (flushed) and Vert.x close.
 */
public final class TrackingApiApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingApiApp.class);

    private final TrackingApiConfig config;
    private final String bootstrapServers;
    private final ConfigView configView;
    private final PrometheusMeterRegistry registry;
    private final List<Consumer<Router>> extraRoutes = new ArrayList<>();
    private final Map<String, BooleanSupplier> extraChecks = new LinkedHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<HttpServer> servers = new ArrayList<>();
    private volatile boolean draining;
    private volatile boolean started;
    private Vertx vertx;
    private KafkaHealth health;
    private IngestProducer producer;
    private int port = -1;

    public TrackingApiApp(
            TrackingApiConfig config,
            String bootstrapServers,
            ConfigView configView,
            PrometheusMeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.bootstrapServers = Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        this.configView = Objects.requireNonNull(configView, "configView");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Extra routes (dev mode mounts {@code /dev/inbox}); call before {@link #start()}. */
    public TrackingApiApp withRoutes(Consumer<Router> extra) {
        if (started) {
            throw new IllegalStateException("routes must be added before start()");
        }
        extraRoutes.add(Objects.requireNonNull(extra));
        return this;
    }

    /**
     * One more readiness check, listed by {@code /readyz} under {@code name} after {@code kafka} and
     * {@code config} (dev mode adds its workspace, router and delivery); call before {@link #start()}.
     */
    public TrackingApiApp withReadinessCheck(String name, BooleanSupplier check) {
        if (started) {
            throw new IllegalStateException("readiness checks must be added before start()");
        }
        extraChecks.put(Objects.requireNonNull(name), Objects.requireNonNull(check));
        return this;
    }

    /** Binds (port 0 picks a free one), blocks until listening, returns the port. */
    public synchronized int start() {
        if (started) {
            return port;
        }
        int instances = config.eventLoops() > 0
                ? config.eventLoops()
                : Runtime.getRuntime().availableProcessors();
        health = new KafkaHealth(bootstrapServers, Duration.ofSeconds(1), config.clientSettings()).start();
        producer = new IngestProducer(bootstrapServers, config.producerOverrides());
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(instances));
        Router router = router();
        try {
            // Vert.x shares one random port among servers that listen on the same negative port.
            int requested = config.port() == 0 ? -1 : config.port();
            port = listen(router, requested);
            for (int i = 1; i < instances; i++) {
                listen(router, requested);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        started = true;
        LOG.info("tracking API listening on http://{}:{} ({} event loops)", config.host(), port, instances);
        return port;
    }

    /**
     * Kafka reachable, the config view caught up with {@code sb.config} (every workspace published
     * before the start is known, so its write keys are accepted), and every extra check true.
     */
    public boolean ready() {
        return started
                && !draining
                && health.reachable()
                && configView.isLoaded()
                && extraChecks.values().stream().allMatch(BooleanSupplier::getAsBoolean);
    }

    private int listen(Router router, int onPort) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(onPort)
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setHandle100ContinueAutomatically(true) // .NET and curl may wait for it before the body
                .setDecompressionSupported(false)
                .setCompressionSupported(false);
        HttpServer server = vertx.createHttpServer(options).requestHandler(router);
        try {
            HttpServer bound =
                    server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            servers.add(bound);
            return bound.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot listen on " + config.host() + ":" + onPort + ": " + rootMessage(e), e);
        }
    }

    private Router router() {
        ObjectMapper mapper = Json.mapper();
        IngestMetrics metrics = new IngestMetrics(registry);
        SourceRateLimiter limiter =
                new SourceRateLimiter(config.rateLimitPerSecond(), config.rateLimitBurst(), System::nanoTime);
        CallWriter writer = new CallWriter(producer, health, metrics, mapper, config.ackTimeout(), config.retryAfter());
        ClientAddress proxies = new ClientAddress(config.trustedProxies());
        Router router = Router.router(vertx);
        router.route().handler(ctx -> track(ctx, metrics));
        router.route().handler(Cors.handler(config.corsOrigins())); // before any answer, errors included
        router.route().handler(this::refuseWhileDraining);
        router.postWithRegex("/v1/([A-Za-z]+)/?")
                .handler(new IngestHandler(config, configView, mapper, limiter, metrics, writer));
        router.get("/v1/projects/:writeKey/settings")
                .handler(new SettingsHandler(configView, mapper, proxies, config.publicUrl()));
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("kafka", () -> health.reachable());
        checks.put("config", configView::isLoaded);
        checks.putAll(extraChecks);
        OpsHandlers.mount(router, checks, registry);
        extraRoutes.forEach(r -> r.accept(router));
        router.errorHandler(404, ctx -> HttpReplies.error(ctx, 404, "not_found", "no such endpoint", null));
        router.errorHandler(405, ctx -> HttpReplies.error(ctx, 405, "method_not_allowed", "use POST", null));
        router.errorHandler(500, ctx -> {
            LOG.error("unexpected error on {}", ctx.request().path(), ctx.failure());
            HttpReplies.error(ctx, 500, "internal_error", "unexpected error; nothing was written", null);
        });
        return router;
    }

    /**
     * Counts the request by path and status once answered, and in flight until it ends unless it
     * came while draining (it is refused at once, and must not hold the shutdown up).
     */
    private void track(RoutingContext ctx, IngestMetrics metrics) {
        if (!draining) {
            inFlight.incrementAndGet();
            ctx.addEndHandler(v -> inFlight.decrementAndGet());
        }
        ctx.addHeadersEndHandler(v -> {
            String path = ctx.get(OpsHandlers.METRIC_PATH);
            metrics.request(path == null ? "other" : path, ctx.response().getStatusCode());
        });
        ctx.next();
    }

    private void refuseWhileDraining(RoutingContext ctx) {
        if (draining) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            HttpReplies.unavailable(ctx, config.retryAfter(), "shutting down; retry later");
            return;
        }
        ctx.next();
    }

    /** Graceful: refuse new requests, let in-flight ones finish, flush and close. Idempotent. */
    @Override
    public synchronized void close() {
        draining = true;
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warn("closing with {} requests still in flight", inFlight.get());
        }
        if (vertx != null) {
            await(vertx.close());
            vertx = null;
        }
        servers.clear();
        if (producer != null) {
            producer.flush();
            producer.close();
            producer = null;
        }
        if (health != null) {
            health.close();
        }
        started = false;
    }

    private static void await(io.vertx.core.Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("while closing: {}", rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
