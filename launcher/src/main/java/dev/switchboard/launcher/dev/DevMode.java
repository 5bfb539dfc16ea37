/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.dev;

import dev.switchboard.console.ConsoleApp;
import dev.switchboard.console.ConsoleConfig;
import dev.switchboard.console.auth.ConsoleAuth;
import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.launcher.cli.Lifecycle;
import dev.switchboard.launcher.config.ConfigPublisher;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.options.KafkaAccess;
import dev.switchboard.options.OptionSet;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.tracking.TrackingApiApp;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.postgres.EmbeddedPostgres;
import dev.switchboard.warehouse.postgres.PostgresUrl;
import dev.switchboard.workspace.KafkaConfigView;
import dev.switchboard.workspace.WorkspaceFile;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything in one JVM: the broker (embedded, or {@code externalKafka}), topics, the workspace, the
 * tracking API, router and delivery roles, and the warehouse loader (into an embedded PostgreSQL by
 * default). Closing stops them in reverse order: the HTTP server first (no new events), the loader
 * after delivery (it loads what it holds), PostgreSQL and the broker last.
 */
public final class DevMode implements AutoCloseable {

    /** The environment variable dev mode sets for the workspace file: the base URL of this process. */
    public static final String DEV_URL = "SWITCHBOARD_DEV_URL";
    /** The secret the example webhook signs with, unless the environment sets another. */
    public static final String DEV_SECRET = "SWITCHBOARD_INBOX_SECRET";

    /**
     * What to run.
     *
     * @param dataDir where the embedded broker and router state live
     * @param fresh wipe {@code dataDir} first
     * @param externalKafka bootstrap servers of a cluster to use instead of the embedded one, or null
     * @param kafkaPort the embedded broker's port (0: any free one)
     * @param host the tracking API's address
     * @param port the tracking API's port (0: any free one)
     * @param workspace the workspace file to apply
     * @param properties role options ({@code switchboard.*} and {@code kafka.*})
     * @param warehouse where the archive is loaded: an embedded PostgreSQL with its data in
     *     {@code dataDir/postgres}, a server, or nowhere
     */
    public record Options(
            Path dataDir,
            boolean fresh,
            String externalKafka,
            int kafkaPort,
            String host,
            Integer port,
            Path workspace,
            Map<String, String> properties,
            WarehouseChoice warehouse) {}

    private final Lifecycle lifecycle = new Lifecycle();
    private String bootstrapServers;
    private String host;
    private int port;
    private WorkspaceConfig workspace;
    private DevInbox inbox;
    private TrackingApiApp api;
    private volatile RouterApp router;
    private volatile DeliveryApp delivery;
    private volatile WarehouseApp warehouse;
    private String warehouseUrl;
    private volatile boolean withWarehouse;
    private volatile String publishedDocument;
    private KafkaConfigView view;
    private volatile ConsoleApp console;
    private String consoleUrl;
    private String consoleToken;

    private DevMode() {}

    /** Starts everything; on failure, stops what was started and rethrows. */
    public static DevMode start(Options o) throws Exception {
        DevMode dev = new DevMode();
        try {
            dev.run(o);
            return dev;
        } catch (Exception | Error e) {
            dev.close();
            if (dev.api != null) {
                dev.api.close(); // started, but not yet handed to the lifecycle
            }
            throw e;
        }
    }

    private void run(Options o) throws Exception {
        withWarehouse = !o.warehouse().none();
        if (o.fresh()) {
            EmbeddedKafka.deleteRecursively(o.dataDir());
        }
        MapperRegistry mappers = MapperRegistry.load();
        // PostgreSQL starts (initdb the first time) while the broker does; closed after the loader.
        CompletableFuture<EmbeddedPostgres> postgres = o.warehouse().embedded()
                ? CompletableFuture.supplyAsync(() -> EmbeddedPostgres.create(
                                o.dataDir().resolve("postgres"), o.warehouse().embeddedPort())
                        .start())
                : null;
        if (postgres != null) {
            lifecycle.add((AutoCloseable) () -> postgres.join().close());
        }
        if (o.externalKafka() == null) {
            bootstrapServers = lifecycle
                    .add(EmbeddedKafka.create(o.dataDir().resolve("kafka"), o.kafkaPort())
                            .start())
                    .bootstrapServers();
        } else {
            bootstrapServers = o.externalKafka();
        }
        Map<String, String> clientSettings = OptionSet.kafkaCommon(o.properties());
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, 2, (short) 1, clientSettings)) {
            admin.createCore();
        }
        view = lifecycle.add(new KafkaConfigView(bootstrapServers, "sb-dev-config", clientSettings).start());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

        String secret = System.getenv().getOrDefault(DEV_SECRET, "dev-secret");
        inbox = new DevInbox(secret);
        TrackingApiConfig apiConfig = TrackingApiConfig.from(o.properties(), o.host(), o.port());
        host = apiConfig.host();
        api = new TrackingApiApp(apiConfig, bootstrapServers, view, metrics)
                .withRoutes(inbox::mount)
                // Ready means a user can send now: the dev workspace is in the view (its write keys are
                // accepted), the router routes and delivery delivers.
                .withReadinessCheck("workspace", this::workspaceApplied)
                .withReadinessCheck("router", () -> router != null && router.ready())
                .withReadinessCheck("delivery", () -> delivery != null && delivery.ready())
                .withReadinessCheck("warehouse", this::warehouseReady)
                .withReadinessCheck("console", () -> console != null && console.ready());
        port = api.start();

        Map<String, String> env = new HashMap<>(System.getenv());
        env.put(DEV_URL, url());
        env.putIfAbsent(DEV_SECRET, secret);
        workspace = WorkspaceFile.load(o.workspace(), env::get, mappers).config();
        ConfigPublisher.publish(bootstrapServers, clientSettings, workspace, 2, (short) 1);
        publishedDocument = WorkspaceConfigParser.toDocument(workspace);

        Map<String, String> routerProps = new HashMap<>(o.properties());
        routerProps.putIfAbsent(
                RouterConfig.STATE_DIR.key(),
                o.dataDir().resolve("router-state").toString());
        routerProps.putIfAbsent(RouterConfig.APPLICATION_ID.key(), "switchboard-dev-router");
        RouterApp routerApp = new RouterApp(RouterConfig.from(routerProps), bootstrapServers, mappers);
        routerApp.start();
        router = lifecycle.add(routerApp);

        DeliveryApp deliveryApp = new DeliveryApp(DeliveryConfig.from(o.properties()), bootstrapServers, view, metrics);
        deliveryApp.start();
        delivery = lifecycle.add(deliveryApp);

        if (postgres != null) {
            warehouseUrl = postgres.join().url();
        } else if (o.warehouse().url() != null) {
            warehouseUrl = PostgresUrl.parse(o.warehouse().url(), null, null).display();
        }
        if (!o.warehouse().none()) {
            String url = postgres != null ? warehouseUrl : o.warehouse().url();
            warehouse = lifecycle.add(new WarehouseApp(
                            LoaderConfig.from(o.properties()),
                            bootstrapServers,
                            view,
                            WarehouseApp.defaultTarget(url),
                            metrics)
                    .start());
        }
        startConsole(o, mappers, metrics);
        if (!view.awaitLoaded(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the config topic could not be read within 60 s");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!api.ready()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within 60 s: " + readiness());
            }
            Thread.sleep(20);
        }
        // Added last so that it closes first: no new events while the other roles drain.
        lifecycle.add(api);
        api = null;
    }

    /**
     * The console on {@code switchboard.console.port} (default 9094; a free one when the tracking API picks a
     * free one too), with {@code switchboard.console.token}, else $SWITCHBOARD_CONSOLE_TOKEN, else a token made
     * up now: {@link #consoleLoginUrl()} logs a browser in.
     */
    private void startConsole(Options o, MapperRegistry mappers, PrometheusMeterRegistry metrics) throws Exception {
        Map<String, String> props = new HashMap<>(o.properties());
        String envToken = System.getenv("SWITCHBOARD_CONSOLE_TOKEN");
        props.putIfAbsent(
                ConsoleConfig.TOKEN.key(),
                envToken == null || envToken.isBlank() ? ConsoleAuth.newToken() : envToken.trim());
        props.putIfAbsent(ConsoleConfig.HOST.key(), host);
        if (o.port() != null && o.port() == 0) {
            props.putIfAbsent(ConsoleConfig.PORT.key(), "0");
        }
        ConsoleConfig config = ConsoleConfig.from(props);
        consoleToken = config.token();
        ConsoleApp app = new ConsoleApp(
                config,
                new KafkaAccess(bootstrapServers, OptionSet.kafkaCommon(o.properties())),
                view,
                view::isLoaded,
                mappers,
                metrics);
        // closed before the broker, after the tracking API (added later, closed first)
        lifecycle.add(app);
        consoleUrl = "http://" + config.host() + ":" + app.start();
        console = app;
    }

    /** The published workspace, as published, is in the config view: its write keys are accepted. */
    private boolean workspaceApplied() {
        String published = publishedDocument;
        return published != null
                && view.isLoaded()
                && view.current()
                        .workspace(workspace.workspace())
                        .map(w -> WorkspaceConfigParser.toDocument(w.config()).equals(published))
                        .orElse(false);
    }

    /** Loading, or no warehouse asked for. */
    private boolean warehouseReady() {
        return !withWarehouse || (warehouse != null && warehouse.ready());
    }

    private String readiness() {
        return "workspace " + workspaceApplied() + ", router " + (router != null && router.ready()) + ", delivery "
                + (delivery != null && delivery.ready()) + ", warehouse " + warehouseReady();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The tracking API's base URL, as a client on this machine reaches it. */
    public String url() {
        return "http://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    /** The console's base URL. */
    public String consoleUrl() {
        return consoleUrl;
    }

    /** The URL that logs a browser into the console. */
    public String consoleLoginUrl() {
        return ConsoleApp.loginUrl(consoleUrl, consoleToken);
    }

    /** The console's bearer token. */
    public String consoleToken() {
        return consoleToken;
    }

    public WorkspaceConfig workspace() {
        return workspace;
    }

    /** The warehouse's address as psql takes it (password masked), or null without a warehouse. */
    public String warehouseUrl() {
        return warehouseUrl;
    }

    public DevInbox inbox() {
        return inbox;
    }

    /** Blocks until {@link #close()} (e.g. on Ctrl-C after {@link #closeOnShutdown()}). */
    public void awaitClose() throws InterruptedException {
        lifecycle.awaitClose();
    }

    /** Runs {@code last} once everything has stopped, also when stopped by Ctrl-C. */
    public DevMode atEnd(Runnable last) {
        lifecycle.atEnd(last);
        return this;
    }

    public DevMode closeOnShutdown() {
        lifecycle.closeOnShutdown();
        return this;
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
