/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static java.util.Map.entry;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.testing.EchoMapper;
import java.util.List;
import java.util.Map;

/**
 * One router instance in its own JVM, so a test can kill it with no clean shutdown: exactly once
 * (v2), a RocksDB dedupe store in its own state directory, the echo destination type, and a short
 * commit interval. Arguments: bootstrap servers, application id, state directory, client id.
 */
public final class RouterChild {

    private RouterChild() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 4) {
            throw new IllegalArgumentException(
                    "usage: RouterChild <bootstrap> <application-id> <state-dir> <client-id>");
        }
        RouterConfig config = RouterConfig.from(Map.ofEntries(
                entry(RouterConfig.APPLICATION_ID.key(), args[1]),
                entry(RouterConfig.GUARANTEE.key(), "exactly_once_v2"),
                entry(RouterConfig.DEDUPE_STORE.key(), "rocksdb"),
                entry(RouterConfig.STATE_DIR.key(), args[2]),
                // Short enough for a quick test, long enough that a kill nearly always lands inside an
                // open transaction with output in it, which the restarted instance must abort and redo.
                entry(RouterConfig.COMMIT_INTERVAL.key(), "500ms"),
                // The client id names this instance's members in the group (checked by the test).
                entry("kafka.streams.client.id", args[3]),
                // A killed member leaves the group after 6 s (the broker's minimum) instead of 45 s.
                entry("kafka.streams.consumer.session.timeout.ms", "6000"),
                entry("kafka.streams.consumer.heartbeat.interval.ms", "1500")));
        RouterApp app = new RouterApp(config, args[0], MapperRegistry.of(List.of(new EchoMapper())));
        // A clean stop (SIGTERM) closes the router; SIGKILL, what the test sends, skips this.
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "router-child-close"));
        app.start();
        System.out.println("router child " + args[3] + " started");
        Thread.currentThread().join();
    }
}
