/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.cluster.Cluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's {@link Cluster}: the router and delivery each under a stable {@code --instance-id}
 * (static membership, as a StatefulSet's pod name gives it; see {@link #staticMembership()}), the
 * router's state in a directory that survives its restarts, the broker's data on a {@link SmallDisk}.
 * Its workspace has three sources, each connected to its own capture destinations, so a scenario's
 * faults stay on its own destinations: {@code wk_main} to {@code cap}; {@code wk_flaky} to
 * {@code flaky}; {@code wk_pair} to {@code hang} and {@code healthy}.
 */
final class FaultCluster extends Cluster {

    static final java.time.Duration READY = Cluster.READY;
    /** The delivery's longest backoff in the suite (default 30 min): a destination back up is retried within it. */
    static final String BACKOFF_MAX = "5s";

    final SmallDisk disk;

    FaultCluster(Path dir) throws IOException, InterruptedException {
        this(dir, SmallDisk.at(dir.resolve("disk")));
    }

    private FaultCluster(Path dir, SmallDisk disk) throws IOException {
        super(dir, disk.path().resolve("kafka"), routerArgs(dir), deliveryArgs());
        this.disk = disk;
    }

    private static List<String> routerArgs(Path dir) {
        return routerArgs(dir, 0);
    }

    /** The arguments of router {@code n}: a state directory of its own and, as a StatefulSet's pods, instance id router-n. */
    static List<String> routerArgs(Path dir, int n) {
        String suffix = n == 0 ? "" : "-" + n;
        List<String> args =
                new ArrayList<>(List.of("--set=switchboard.router.state-dir=" + dir.resolve("router-state" + suffix)));
        if (staticMembership()) {
            args.add("--instance-id=router-" + n);
        }
        return args;
    }

    private static List<String> deliveryArgs() {
        List<String> args = new ArrayList<>(List.of("--set=switchboard.delivery.backoff.max=" + BACKOFF_MAX));
        if (staticMembership()) {
            args.add("--instance-id=delivery-0");
        }
        return args;
    }

    /**
     * {@code -Dfaults.static-membership=false} starts the router and delivery without {@code --instance-id}
     * (dynamic members), to measure a restart's recovery without static membership.
     */
    static boolean staticMembership() {
        return !"false".equals(System.getProperty("faults.static-membership"));
    }

    /** Starts the broker, creates the topics, applies the fault workspace, then starts each role. */
    FaultCluster start() throws Exception {
        start(workspace());
        return this;
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

    @Override
    public void close() {
        super.close();
        try {
            disk.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
