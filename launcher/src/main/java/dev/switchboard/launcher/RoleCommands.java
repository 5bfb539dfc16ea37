/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.console.ConsoleApp;
import dev.switchboard.console.ConsoleConfig;
import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.launcher.cli.ClusterCommand;
import dev.switchboard.launcher.cli.Lifecycle;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.ops.OpsServer;
import dev.switchboard.options.OptionSet;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.tracking.TrackingApiApp;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.postgres.PostgresUrl;
import dev.switchboard.workspace.KafkaConfigView;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One subcommand per deployable role; each runs until Ctrl-C or SIGTERM. */
public final class RoleCommands {

    private RoleCommands() {}

    /** What every role command takes: the cluster and the role's options. */
    abstract static class Role extends ClusterCommand {

        /** Builds and starts the role, registering what must be closed on stop. */
        abstract void start(Lifecycle lifecycle) throws Exception;

        @Override
        public Integer call() throws Exception {
            try (Lifecycle lifecycle = new Lifecycle().closeOnShutdown()) {
                start(lifecycle);
                lifecycle.awaitClose();
            }
            return 0;
        }

        /** The live view of {@code sb.config}, closed with the role. */
        KafkaConfigView configView(Lifecycle lifecycle, String role) {
            return lifecycle.add(new KafkaConfigView(
                            kafka.bootstrapServers(),
                            "sb-" + role + "-config",
                            OptionSet.kafkaCommon(properties.read()))
                    .start());
        }
    }

    /**
     * A role without HTTP of its own: it serves /healthz, /readyz and /metrics on {@code --ops-host}
     * and its own {@code --ops-port}, closed first on stop.
     */
    abstract static class OpsRole extends Role {
        @Option(
                names = "--ops-host",
                defaultValue = "0.0.0.0",
                description = "Listen address of the operations endpoints (default: ${DEFAULT-VALUE}).")
        String opsHost;

        @Option(
                names = "--instance-id",
                paramLabel = "ID",
                defaultValue = "${env:SWITCHBOARD_INSTANCE_ID:-}",
                description = "Static group membership under this stable id, e.g. the pod name of a StatefulSet"
                        + " (default: $SWITCHBOARD_INSTANCE_ID, else none).")
        String instanceId;

        /** The role's properties with {@code --instance-id} as {@code key}, unless they set it. */
        Map<String, String> roleProperties(String key) {
            Map<String, String> all = new HashMap<>(properties.read());
            if (instanceId != null && !instanceId.isBlank()) {
                all.putIfAbsent(key, instanceId);
            }
            return all;
        }

        void serveOps(
                Lifecycle lifecycle,
                String role,
                int port,
                BooleanSupplier ready,
                BooleanSupplier alive,
                PrometheusMeterRegistry registry)
                throws Exception {
            OpsServer ops = lifecycle.add(new OpsServer(role, ready, alive, registry));
            int bound = ops.start(opsHost, port);
            spec.commandLine().getOut().printf("%s: /healthz, /readyz and /metrics on %s:%d%n", role, opsHost, bound);
        }
    }

    /** {@code switchboard tracking-api}: the HTTP ingest. */
    @Command(
            name = "tracking-api",
            mixinStandardHelpOptions = true,
            description = "Run the Segment-compatible HTTP ingest.")
    public static final class TrackingApi extends Role {
        @Option(
                names = "--host",
                description = "Listen address; wins over switchboard.tracking.host (default: that key, else 0.0.0.0).")
        String host;

        @Option(
                names = "--port",
                description = "Listen port; wins over switchboard.tracking.port (default: that key, else 8080).")
        Integer port;

        @Override
        void start(Lifecycle lifecycle) {
            Map<String, String> props = new HashMap<>(properties.read());
            props.putIfAbsent(TrackingApiConfig.HOST.key(), "0.0.0.0"); // a server role listens on every interface
            TrackingApiConfig config = TrackingApiConfig.from(props, host, port);
            TrackingApiApp api = new TrackingApiApp(
                    config,
                    kafka.bootstrapServers(),
                    configView(lifecycle, "tracking"),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            int bound = api.start();
            lifecycle.add(api);
            spec.commandLine().getOut().printf("tracking API listening on %s:%d%n", config.host(), bound);
        }
    }

    /** {@code switchboard router}: the Kafka Streams topology. */
    @Command(name = "router", mixinStandardHelpOptions = true, description = "Run the Kafka Streams router.")
    public static final class Router extends OpsRole {
        @Option(
                names = "--ops-port",
                defaultValue = "9091",
                description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int opsPort;

        @Override
        void start(Lifecycle lifecycle) throws Exception {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            RouterApp router = new RouterApp(
                    RouterConfig.from(roleProperties(RouterConfig.INSTANCE_ID.key())),
                    kafka.bootstrapServers(),
                    MapperRegistry.load());
            router.bindTo(registry);
            router.start();
            lifecycle.add(router);
            serveOps(lifecycle, "router", opsPort, router::ready, router::alive, registry);
        }
    }

    /** {@code switchboard delivery}: the per-destination delivery workers. */
    @Command(name = "delivery", mixinStandardHelpOptions = true, description = "Run the delivery workers.")
    public static final class Delivery extends OpsRole {
        @Option(
                names = "--ops-port",
                defaultValue = "9092",
                description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int opsPort;

        @Override
        void start(Lifecycle lifecycle) throws Exception {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            DeliveryApp delivery = new DeliveryApp(
                    DeliveryConfig.from(roleProperties(DeliveryConfig.INSTANCE_ID.key())),
                    kafka.bootstrapServers(),
                    configView(lifecycle, "delivery"),
                    registry);
            delivery.start();
            lifecycle.add(delivery);
            serveOps(lifecycle, "delivery", opsPort, delivery::ready, () -> true, registry);
        }
    }

    /** {@code switchboard warehouse}: loads {@code sb.events} into the workspaces' warehouses. */
    @Command(
            name = "warehouse",
            mixinStandardHelpOptions = true,
            description = "Load the archive (sb.events) into PostgreSQL in Segment's warehouse schema.")
    public static final class Warehouse extends OpsRole {
        @Option(
                names = "--ops-port",
                defaultValue = "9093",
                description = "Port of /healthz, /readyz and /metrics; 0 picks a free one (default: ${DEFAULT-VALUE}).")
        int opsPort;

        @Option(
                names = "--warehouse-url",
                paramLabel = "URL",
                defaultValue = "${env:SWITCHBOARD_WAREHOUSE_URL:-}",
                description = "A warehouse that loads every source (postgresql://user:password@host:port/db or"
                        + " jdbc:postgresql://...), beside the workspaces' warehouses: entries"
                        + " (default: $SWITCHBOARD_WAREHOUSE_URL, else none).")
        String warehouseUrl;

        @Override
        void start(Lifecycle lifecycle) throws Exception {
            // Options first: an unknown switchboard.warehouse.* key stops start-up before anything connects.
            LoaderConfig config = LoaderConfig.from(roleProperties(LoaderConfig.INSTANCE_ID.key()));
            String url = warehouseUrl == null || warehouseUrl.isBlank() ? null : warehouseUrl.trim();
            if (url != null) {
                PostgresUrl.parse(url, null, null); // a malformed URL is the caller's to fix, now
            }
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            KafkaConfigView view = configView(lifecycle, "warehouse");
            WarehouseApp app = new WarehouseApp(
                    config,
                    kafka.bootstrapServers(),
                    view,
                    url == null ? null : WarehouseApp.defaultTarget(url),
                    registry);
            // Closed before the config view and after the ops server: it loads what it holds and
            // commits the offsets only after the warehouse commit.
            lifecycle.add(app.start());
            // Ready once the workspaces are read (their warehouses are loading) and no warehouse is failing.
            serveOps(lifecycle, "warehouse", opsPort, () -> view.isLoaded() && app.ready(), app::healthy, registry);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "warehouse: loading sb.events into %s%n",
                            url == null
                                    ? "the workspaces' warehouses"
                                    : PostgresUrl.parse(url, null, null).display()
                                            + " (every source) and the workspaces' warehouses");
        }
    }

    /** {@code switchboard console}: the web console and its admin API. */
    @Command(
            name = "console",
            mixinStandardHelpOptions = true,
            description = {
                "Run the web console and its admin API: source debugger, event delivery, dead letters, workspace and"
                        + " event trace.",
                "The token comes from $SWITCHBOARD_CONSOLE_TOKEN (or switchboard.console.token); open"
                        + " http://HOST:PORT/login?token=TOKEN, or send Authorization: Bearer TOKEN to /api/*."
            })
    public static final class Console extends Role {
        @Option(
                names = "--host",
                description = "Listen address; wins over switchboard.console.host (default: that key, else 0.0.0.0).")
        String host;

        @Option(
                names = "--port",
                description = "Listen port; wins over switchboard.console.port (default: that key, else 9094).")
        Integer port;

        @Override
        void start(Lifecycle lifecycle) throws Exception {
            Map<String, String> props = new HashMap<>(properties.read());
            props.putIfAbsent(ConsoleConfig.HOST.key(), "0.0.0.0"); // a server role listens on every interface
            String token = System.getenv("SWITCHBOARD_CONSOLE_TOKEN");
            if (token != null && !token.isBlank()) {
                props.putIfAbsent(ConsoleConfig.TOKEN.key(), token.trim());
            }
            if (host != null) {
                props.put(ConsoleConfig.HOST.key(), host);
            }
            if (port != null) {
                props.put(ConsoleConfig.PORT.key(), port.toString());
            }
            ConsoleConfig config = ConsoleConfig.from(props);
            config.token(); // fails fast, naming the key, before anything connects
            KafkaConfigView view = configView(lifecycle, "console");
            ConsoleApp console = new ConsoleApp(
                    config,
                    kafka.access(properties),
                    view,
                    view::isLoaded,
                    MapperRegistry.load(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            lifecycle.add(console);
            int bound = console.start();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "console listening on %s:%d (/login?token=..., /api/*, /healthz, /readyz, /metrics)%n",
                            config.host(), bound);
        }
    }
}
