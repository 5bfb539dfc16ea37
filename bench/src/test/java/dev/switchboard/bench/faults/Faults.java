/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import dev.switchboard.bench.cluster.CaptureServer.Mode;
import dev.switchboard.bench.cluster.RoleProcess;
import dev.switchboard.bench.faults.Checker.Timing;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The suite's scenarios, in the order they run (each on the cluster the previous one left). */
final class Faults {

    /** Duplicates a delivery restart may cause: max-in-flight (64) + one commit interval at 200 ev/s (40). */
    static final int DELIVERY_IN_FLIGHT = 64 + 40;
    /**
     * Duplicates a broker outage may cause: requests fetched but not committed, at most max-pending
     * (1000) + max-in-flight (64) per destination worker.
     */
    static final int BROKER_IN_FLIGHT = 1000 + 64;

    static final Duration OUTAGE_503 = Duration.ofSeconds(60);
    static final Duration THROTTLE_429 = Duration.ofSeconds(15);
    /** How long the second router of {@code router-scale} serves before it leaves. */
    static final Duration ROUTER_SCALE_SERVES = Duration.ofSeconds(8);

    private Faults() {}

    static List<Scenario> all() {
        return List.of(
                new Scenario("baseline", "no fault", "wk_main", List.of("cap"), Set.of(), 0, c -> Timing.NONE),
                killed("router-kill", "router"),
                killed("delivery-kill", "delivery"),
                killed("api-kill", "tracking-api"),
                routerScale(),
                broker("broker-term", false),
                broker("broker-kill", true),
                destination("dest-503", Mode.FAIL_503, OUTAGE_503),
                destination("dest-429", Mode.THROTTLE_429, THROTTLE_429),
                new Scenario(
                        "pair-baseline",
                        "two destinations, both healthy",
                        "wk_pair",
                        List.of("hang", "healthy"),
                        Set.of(),
                        0,
                        c -> Timing.NONE),
                new Scenario(
                        "pair-hang",
                        "'hang' holds every request for the whole load, 'healthy' beside it",
                        "wk_pair",
                        List.of("hang", "healthy"),
                        Set.of(),
                        0,
                        c -> {
                            long at = System.currentTimeMillis();
                            c.capture.mode("hang", Mode.HANG);
                            Thread.sleep(Scenario.LOAD.toMillis());
                            c.capture.mode("hang", Mode.OK);
                            return new Timing(
                                    at, System.currentTimeMillis(), "hang for " + Scenario.LOAD.toSeconds() + " s");
                        }),
                HostileInput.scenario(),
                DiskFull.scenario());
    }

    /** SIGKILL of one role mid-load, restarted at once with the same arguments (and instance id). */
    static Scenario killed(String name, String role) {
        int bound = role.equals("delivery") ? DELIVERY_IN_FLIGHT : 0;
        return new Scenario(
                name,
                "SIGKILL of " + role + ", restarted at once",
                "wk_main",
                List.of("cap"),
                Set.of(role),
                bound,
                c -> {
                    RoleProcess target = (RoleProcess) c.parts().get(role);
                    Scenario.awaitFaultTime();
                    long at = System.currentTimeMillis();
                    target.kill();
                    long restart = System.currentTimeMillis();
                    target.start();
                    target.awaitReady(FaultCluster.READY);
                    long ready = System.currentTimeMillis() - restart;
                    return new Timing(at, restart, "restart to /readyz 200: " + ready + " ms");
                });
    }

    /**
     * A second router joins mid-load (its share of the tasks moves to it: a rebalance), serves a while, then
     * leaves with SIGTERM (the tasks move back), as a scale-out and scale-in do; exactly-once, so no duplicate.
     */
    static Scenario routerScale() {
        return new Scenario(
                "router-scale",
                "a second router joins mid-load, then leaves with SIGTERM",
                "wk_main",
                List.of("cap"),
                Set.of(),
                0,
                c -> {
                    Scenario.awaitFaultTime();
                    long at = System.currentTimeMillis();
                    RoleProcess second = c.addRole("router", FaultCluster.routerArgs(c.dir, 1));
                    long joined = System.currentTimeMillis();
                    Thread.sleep(ROUTER_SCALE_SERVES.toMillis());
                    long leaving = System.currentTimeMillis();
                    int exit = c.removeRole(second, Duration.ofSeconds(60));
                    long left = System.currentTimeMillis();
                    return new Timing(
                            at,
                            left,
                            "second router start to /readyz 200: %d ms, served %d s, SIGTERM took %d ms (exit %d)"
                                    .formatted(joined - at, ROUTER_SCALE_SERVES.toSeconds(), left - leaving, exit));
                });
    }

    /** The broker stopped (SIGTERM, a controlled shutdown) or killed (SIGKILL), started again on the same data. */
    static Scenario broker(String name, boolean kill) {
        return new Scenario(
                name,
                (kill ? "SIGKILL" : "SIGTERM") + " of the broker, started again on the same data",
                "wk_main",
                List.of("cap"),
                Set.of("broker"),
                BROKER_IN_FLIGHT,
                c -> {
                    Scenario.awaitFaultTime();
                    long at = System.currentTimeMillis();
                    int exit;
                    if (kill) {
                        c.broker.kill();
                        exit = 137;
                    } else {
                        exit = c.broker.terminate(Duration.ofSeconds(60));
                    }
                    long restart = System.currentTimeMillis();
                    c.broker.startAndAwait(FaultCluster.READY);
                    long up = System.currentTimeMillis() - restart;
                    return new Timing(
                            at,
                            restart,
                            "stop took %d ms (exit %d), start to serving %d ms".formatted(restart - at, exit, up));
                });
    }

    /** A destination answering {@code mode} for {@code length}, then 200 again. */
    static Scenario destination(String name, Mode mode, Duration length) {
        return new Scenario(
                name,
                (mode == Mode.FAIL_503 ? "503" : "429 with Retry-After: 2") + " for " + length.toSeconds() + " s",
                "wk_flaky",
                List.of("flaky"),
                Set.of(),
                0,
                c -> {
                    Scenario.awaitFaultTime();
                    long at = System.currentTimeMillis();
                    c.capture.resetRefusals("flaky");
                    c.capture.mode("flaky", mode);
                    Thread.sleep(length.toMillis());
                    c.capture.mode("flaky", Mode.OK);
                    return new Timing(
                            at, System.currentTimeMillis(), "refused " + c.capture.refusals("flaky") + " requests");
                });
    }
}
