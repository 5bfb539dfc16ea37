/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.testing;

import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.workspace.KafkaConfigView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * The delivery role in its own JVM, as a deployment runs it (config from {@code sb.config}), so a
 * test can kill it without a clean shutdown. Arguments: bootstrap servers, then {@code key=value}
 * options.
 */
public final class DeliveryChild {

    private DeliveryChild() {}

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        KafkaConfigView view = new KafkaConfigView(args[0], "delivery-child-config").start();
        DeliveryApp app = new DeliveryApp(DeliveryConfig.from(options), args[0], view, new SimpleMeterRegistry());
        app.start();
        System.out.println("delivery child started");
        Thread.currentThread().join();
    }
}
