/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.launcher.Switchboard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system under test, one OS process per part: the broker ({@link BrokerProcess}) and the three
 * roles ({@link RoleProcess}: tracking-api, router, delivery), the router and delivery each under a
 * stable {@code --instance-id} (static membership, as a StatefulSet's pod name gives it; see
 * {@link #staticMembership()}), the router's
 * state in a directory that survives its restarts. Its workspace has three sources, each connected
 * to its own capture destinations, so a scenario's faults stay on its own destinations:
 * {@code wk_main} to {@code cap}; {@code wk_flaky} to {@code flaky}; {@code wk_pair} to {@code hang}
 * and {@code healthy}.
 */
final class FaultCluster implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(120);
    /** The delivery's longest backoff in the suite (default 30 min): a destination back up is retried within it. */
    static final String BACKOFF_MAX = "5s";

    final Path dir;
    final SmallDisk disk;
    final CaptureServer capture;
    final BrokerProcess broker;
    final RoleProcess api;
    final RoleProcess router;
    final RoleProcess delivery;
    private final Map<String, ChildProcess> all = new LinkedHashMap<>();

    FaultCluster(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        this.disk = SmallDisk.at(dir.resolve("disk"));
        this.capture = new CaptureServer();
        this.broker = BrokerProcess.in(dir, disk.path().resolve("kafka"), freePort());
        String kafka = broker.bootstrapServers();
        this.api = new RoleProcess("tracking-api", dir, kafka, freePort(), List.of());
        boolean stable = staticMembership();
        List<String> routerArgs =
                new ArrayList<>(List.of("--set=switchboard.router.state-dir=" + dir.resolve("router-state")));
        List<String> deliveryArgs = new ArrayList<>(List.of("--set=switchboard.delivery.backoff.max=" + BACKOFF_MAX));
        if (stable) {
            routerArgs.add("--instance-id=router-0");
            deliveryArgs.add("--instance-id=delivery-0");
        }
        this.router = new RoleProcess("router", dir, kafka, freePort(), routerArgs);
        this.delivery = new RoleProcess("delivery", dir, kafka, freePort(), deliveryArgs);
        all.put("broker", broker);
        all.put("tracking-api", api);
        all.put("router", router);
        all.put("delivery", delivery);
    }

    /**
     * {@code -Dfaults.static-membership=false} starts the router and delivery without {@code --instance-id}
     * (dynamic members), to measure a restart's recovery without static membership.
     */
    static boolean staticMembership() {
        return !"false".equals(System.getProperty("faults.static-membership"));
    }

    /** Starts the broker, creates the topics, applies the workspace, then starts each role and waits until ready. */
    FaultCluster start() throws Exception {
        broker.startAndAwait(READY);
        String kafka = broker.bootstrapServers();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(workspace, workspace());
        run("topics", "create", "--kafka", kafka);
        run("config", "apply", "-f", workspace.toString(), "--kafka", kafka);
        startRoles();
        return this;
    }

    /** Starts the roles that are not running, on the same ports and arguments as before, and waits until ready. */
    void startRoles() throws Exception {
        if (!api.isAlive()) {
            api.start();
        }
        if (!router.isAlive()) {
            router.start();
        }
        if (!delivery.isAlive()) {
            delivery.start();
        }
        awaitReady();
    }

    void awaitReady() throws InterruptedException {
        api.awaitReady(READY);
        router.awaitReady(READY);
        delivery.awaitReady(READY);
    }

    /** Every part by name: broker, tracking-api, router, delivery. */
    Map<String, ChildProcess> parts() {
        return all;
    }

    int apiPort() {
        return api.port();
    }

    private String workspace() {
        return """
                workspace: faults
                sources:
                  - { id: main, writeKey: wk_main }
                  - { id: flaky, writeKey: wk_flaky }
                  - { id: pair, writeKey: wk_pair }
                destinations:
                  - { id: cap, type: webhook, settings: { url: "%s" } }
                  - { id: flaky, type: webhook, settings: { url: "%s" } }
                  - { id: hang, type: webhook, settings: { url: "%s" } }
                  - { id: healthy, type: webhook, settings: { url: "%s" } }
                connections:
                  - { source: main, destination: cap }
                  - { source: flaky, destination: flaky }
                  - { source: pair, destination: hang }
                  - { source: pair, destination: healthy }
                """
                .formatted(capture.url("cap"), capture.url("flaky"), capture.url("hang"), capture.url("healthy"));
    }

    private static void run(String... args) {
        int exit = Switchboard.commandLine().execute(args);
        if (exit != 0) {
            throw new IllegalStateException("switchboard " + String.join(" ", args) + " exited with " + exit);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (String name : List.of("tracking-api", "router", "delivery")) {
            try {
                all.get(name).terminate(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        capture.close();
        try {
            broker.terminate(Duration.ofSeconds(30)); // SIGKILL after 30 s
            disk.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
