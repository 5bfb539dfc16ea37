/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.dev;

import dev.switchboard.launcher.cli.RoleProperties;
import dev.switchboard.warehouse.schema.Names;
import dev.switchboard.workspace.config.ConfigException;
import dev.switchboard.workspace.config.SourceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code switchboard dev}: the whole system in one JVM, for a laptop. */
@Command(
        name = "dev",
        mixinStandardHelpOptions = true,
        description = "Run everything in one JVM on an embedded Kafka broker, with the example workspace.")
public final class DevCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RoleProperties properties;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            defaultValue = "${env:SWITCHBOARD_HOME:-.}/examples/workspace.yaml",
            description = "Workspace to apply (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:SWITCHBOARD_HOME:-.}/.switchboard",
            description = "Where the embedded broker and router state live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--fresh", description = "Delete the data directory first.")
    boolean fresh;

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT[,...]",
            description = "Use this Kafka cluster instead of the embedded broker.")
    String kafka;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Port of the embedded broker (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int kafkaPort;

    @Option(
            names = "--host",
            description = "Tracking API address; wins over switchboard.tracking.host (default: that key, else"
                    + " 127.0.0.1).")
    String host;

    @Option(
            names = "--port",
            description = "Tracking API port; wins over switchboard.tracking.port (default: that key, else 8080).")
    Integer port;

    @Option(
            names = "--no-warehouse",
            description = "Load no warehouse (by default an embedded PostgreSQL receives every event).")
    boolean noWarehouse;

    @Option(
            names = "--warehouse-url",
            paramLabel = "URL",
            description = "Load into this PostgreSQL (postgresql://user:password@host:port/db or"
                    + " jdbc:postgresql://...) instead of the embedded one.")
    String warehouseUrl;

    @Option(
            names = "--warehouse-port",
            defaultValue = "5433",
            description = "Port of the embedded PostgreSQL (default: ${DEFAULT-VALUE}, beside a local server on"
                    + " 5432; 0 picks a free one).")
    int warehousePort;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        DevMode dev;
        try {
            dev = DevMode.start(new DevMode.Options(
                    dataDir, fresh, kafka, kafkaPort, host, port, config, properties.read(), warehouse()));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("invalid workspace:");
            e.problems().forEach(p -> spec.commandLine().getErr().println("  " + p));
            return 2;
        }
        // Printed by the closing thread: on Ctrl-C the JVM may exit before this one wakes up.
        dev.atEnd(() -> {
            out.println("Switchboard stopped.");
            out.flush();
        });
        dev.closeOnShutdown();
        banner(out, dev, (System.nanoTime() - started) / 1_000_000);
        dev.awaitClose();
        return 0;
    }

    private WarehouseChoice warehouse() {
        if (noWarehouse && warehouseUrl != null) {
            throw new ParameterException(spec.commandLine(), "--no-warehouse and --warehouse-url exclude each other");
        }
        if (noWarehouse) {
            return WarehouseChoice.NONE;
        }
        return warehouseUrl != null ? WarehouseChoice.server(warehouseUrl) : WarehouseChoice.embedded(warehousePort);
    }

    private void banner(PrintWriter out, DevMode dev, long millis) {
        String url = dev.url();
        out.printf("%nSwitchboard dev is running (started in %.1f s).%n", millis / 1000.0);
        out.printf("  Tracking API  %s  (POST /v1/track, /v1/identify, /v1/page, /v1/batch, ...)%n", url);
        out.printf(
                "  Kafka         %s%s%n",
                dev.bootstrapServers(), kafka == null ? "  (embedded, data in " + dataDir.resolve("kafka") + ")" : "");
        out.printf("  Workspace     %s  (from %s)%n", dev.workspace().workspace(), config);
        for (SourceConfig s : dev.workspace().sources()) {
            out.printf("  Write key     %-14s %s%n", s.id() + ":", String.join(", ", s.writeKeys()));
        }
        out.printf("  Deliveries    %s/dev/inbox  (what the example webhook received)%n", url);
        out.printf("  Console       %s  (debugger, delivery, dead letters, trace)%n", dev.consoleLoginUrl());
        if (dev.warehouseUrl() != null) {
            out.printf(
                    "  Warehouse     %s%s%n",
                    dev.warehouseUrl(),
                    warehouseUrl == null ? "  (embedded PostgreSQL, data in " + dataDir.resolve("postgres") + ")" : "");
        }
        out.printf("  Metrics       %s/metrics%n", url);
        dev.workspace().sources().stream()
                .findFirst()
                .ifPresent(s -> out.printf(
                        "%nTry it:%n  curl -u %s: -H 'Content-Type: application/json' \\%n"
                                + "    -d '{\"userId\":\"user-1\",\"event\":\"Signed Up\",\"properties\":{\"plan\":\"pro\"}}' \\%n"
                                + "    %s/v1/track%n  curl %s/dev/inbox%n",
                        s.writeKeys().get(0), url, url));
        if (dev.warehouseUrl() != null && warehouseUrl == null) {
            dev.workspace().sources().stream()
                    .findFirst()
                    .ifPresent(s -> out.printf(
                            "  psql %s -c 'SELECT event, user_id, received_at FROM %s.tracks'%n",
                            dev.warehouseUrl(), new Names(63).schema(s.id())));
        }
        out.printf("%nPress Ctrl-C to stop.%n");
        out.flush();
    }
}
