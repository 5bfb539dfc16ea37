/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.schemas.config.KafkaConfigView;
import dev.switchboard.tracking.TrackingApiApp;
import dev.switchboard.tracking.TrackingApiConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One subcommand per deployable role; each runs until Ctrl-C or SIGTERM. */
public final class RoleCommands {

    private RoleCommands() {}

    /** {@code switchboard tracking-api}: the HTTP ingest. */
    @Command(
            name = "tracking-api",
            mixinStandardHelpOptions = true,
            description = "Run the Segment-compatible HTTP ingest.")
    public static final class TrackingApi implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        RoleProperties properties;

        @Option(names = "--host", defaultValue = "0.0.0.0", description = "Listen address (default: ${DEFAULT-VALUE}).")
        String host;

        @Option(names = "--port", defaultValue = "8080", description = "Listen port (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        public Integer call() throws Exception {
            try (Lifecycle lifecycle = new Lifecycle().closeOnShutdown()) {
                KafkaConfigView view =
                        lifecycle.add(new KafkaConfigView(kafka.bootstrapServers(), "sb-tracking-config").start());
                TrackingApiApp api = new TrackingApiApp(
                        TrackingApiConfig.from(properties.read()).withHost(host).withPort(port),
                        kafka.bootstrapServers(),
                        view,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
                int bound = api.start();
                lifecycle.add(api);
                spec.commandLine().getOut().printf("tracking API listening on %s:%d%n", host, bound);
                lifecycle.awaitClose();
            }
            return 0;
        }
    }

    /** {@code switchboard router}: the Kafka Streams topology. */
    @Command(name = "router", mixinStandardHelpOptions = true, description = "Run the Kafka Streams router.")
    public static final class Router implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        RoleProperties properties;

        @Override
        public Integer call() throws Exception {
            try (Lifecycle lifecycle = new Lifecycle().closeOnShutdown()) {
                RouterApp router = new RouterApp(
                        RouterConfig.from(properties.read()), kafka.bootstrapServers(), MapperRegistry.load());
                router.start();
                lifecycle.add(router);
                lifecycle.awaitClose();
            }
            return 0;
        }
    }

    /** {@code switchboard delivery}: the per-destination delivery workers. */
    @Command(name = "delivery", mixinStandardHelpOptions = true, description = "Run the delivery workers.")
    public static final class Delivery implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Mixin
        RoleProperties properties;

        @Override
        public Integer call() throws Exception {
            try (Lifecycle lifecycle = new Lifecycle().closeOnShutdown()) {
                KafkaConfigView view =
                        lifecycle.add(new KafkaConfigView(kafka.bootstrapServers(), "sb-delivery-config").start());
                DeliveryApp delivery = new DeliveryApp(
                        DeliveryConfig.from(properties.read()),
                        kafka.bootstrapServers(),
                        view,
                        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
                delivery.start();
                lifecycle.add(delivery);
                lifecycle.awaitClose();
            }
            return 0;
        }
    }
}
