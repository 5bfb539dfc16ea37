/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.testing;

import dev.switchboard.warehouse.LoaderConfig;
import dev.switchboard.warehouse.app.WarehouseApp;
import dev.switchboard.warehouse.load.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The warehouse role in its own JVM, so a test can kill it without a clean shutdown. Arguments:
 * bootstrap servers, warehouse id, PostgreSQL URL, then {@code key=value} options.
 */
public final class WarehouseChild {

    private WarehouseChild() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        new WarehouseApp(
                        LoaderConfig.from(options),
                        args[0],
                        null,
                        new Target(args[1], null, null, args[2], null, null),
                        new SimpleMeterRegistry())
                .start();
        System.out.println("warehouse child started");
        Thread.currentThread().join();
    }
}
