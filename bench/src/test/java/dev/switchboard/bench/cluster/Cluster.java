/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cluster;

import dev.switchboard.launcher.Switchboard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switchboard as production runs it, one OS process per part: the broker ({@link BrokerProcess}) and
 * the three roles ({@link RoleProcess}: tracking-api, router, delivery), with a {@link CaptureServer}
 * for their destinations in this JVM. {@link #start(String)} creates the topics and applies the
 * workspace with the {@code switchboard} commands, then starts the roles.
 */
public class Cluster implements AutoCloseable {

    public static final Duration READY = Duration.ofSeconds(120);

    public final Path dir;
    public final CaptureServer capture;
    public final BrokerProcess broker;
    public final RoleProcess api;
    public final RoleProcess router;
    public final RoleProcess delivery;
    private final Map<String, ChildProcess> all = new LinkedHashMap<>();

    /** The parts, not started: the broker's data in {@code brokerData}, logs in {@code dir}. */
    public Cluster(Path dir, Path brokerData, List<String> routerArgs, List<String> deliveryArgs) throws IOException {
        this.dir = dir;
        this.capture = new CaptureServer();
        this.broker = BrokerProcess.in(dir, brokerData, freePort());
        String kafka = broker.bootstrapServers();
        this.api = new RoleProcess("tracking-api", dir, kafka, freePort(), List.of());
        this.router = new RoleProcess("router", dir, kafka, freePort(), routerArgs);
        this.delivery = new RoleProcess("delivery", dir, kafka, freePort(), deliveryArgs);
        all.put("broker", broker);
        all.put("tracking-api", api);
        all.put("router", router);
        all.put("delivery", delivery);
    }

    /** Starts the broker, creates the topics, applies {@code workspaceYaml}, then starts each role and waits until ready. */
    public void start(String workspaceYaml) throws Exception {
        broker.startAndAwait(READY);
        String kafka = broker.bootstrapServers();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(workspace, workspaceYaml);
        run("topics", "create", "--kafka", kafka);
        run("config", "apply", "-f", workspace.toString(), "--kafka", kafka);
        startRoles();
    }

    /** Starts the roles that are not running, on the same ports and arguments as before, and waits until ready. */
    public void startRoles() throws Exception {
        for (RoleProcess role : List.of(api, router, delivery)) {
            if (!role.isAlive()) {
                role.start();
            }
        }
        awaitReady();
    }

    /**
     * Restarts (SIGTERM, then start) each role whose {@code /readyz} does not answer 200, and waits until
     * all are ready; the names of those restarted. For a start on a loaded machine: a role whose view of
     * a state topic stopped on a timeout while it started is never ready (its log says so).
     */
    public List<String> restartUnready() throws Exception {
        List<String> restarted = new java.util.ArrayList<>();
        for (RoleProcess role : List.of(api, router, delivery)) {
            if (!role.ready()) {
                role.terminate(Duration.ofSeconds(20));
                role.start();
                restarted.add(role.name());
            }
        }
        awaitReady();
        return restarted;
    }

    public void awaitReady() throws InterruptedException {
        api.awaitReady(READY);
        router.awaitReady(READY);
        delivery.awaitReady(READY);
    }

    /**
     * Starts one more process of {@code role} (router or delivery) beside the first, on the same broker:
     * it joins the same consumer group and takes a share of the partitions. Named {@code <role>-<n>}.
     */
    public RoleProcess addRole(String role, List<String> args) throws Exception {
        long same = all.keySet().stream().filter(n -> n.startsWith(role)).count();
        String name = role + "-" + (same + 1);
        RoleProcess extra = new RoleProcess(role, name, dir, broker.bootstrapServers(), freePort(), args);
        all.put(name, extra);
        extra.start();
        extra.awaitReady(READY);
        return extra;
    }

    /** Stops an {@link #addRole added} process with SIGTERM, as a scale-in does, and forgets it; the exit code. */
    public int removeRole(RoleProcess extra, Duration timeout) throws InterruptedException {
        int exit = extra.terminate(timeout);
        all.values().remove(extra);
        return exit;
    }

    /** Every part by name: broker, tracking-api, router, delivery, then any {@link #addRole added} one. */
    public Map<String, ChildProcess> parts() {
        return all;
    }

    public int apiPort() {
        return api.port();
    }

    private static void run(String... args) {
        int exit = Switchboard.commandLine().execute(args);
        if (exit != 0) {
            throw new IllegalStateException("switchboard " + String.join(" ", args) + " exited with " + exit);
        }
    }

    /** A port free on 127.0.0.1 now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** SIGTERM to each role (SIGKILL after 20 s), the capture server closed, then the broker (SIGKILL after 30 s). */
    @Override
    public void close() {
        for (ChildProcess role : all.values()) {
            if (role == broker) {
                continue;
            }
            try {
                role.terminate(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        capture.close();
        try {
            broker.terminate(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
