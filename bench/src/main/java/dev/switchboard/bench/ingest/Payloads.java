/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Realistic track events (about 600 bytes, shaped like analytics-node's) and batch bodies built from them. */
final class Payloads {

    private final List<String> events = new ArrayList<>();

    Payloads(int count, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            events.add(event(random));
        }
    }

    List<String> events() {
        return events;
    }

    String event(int i) {
        return events.get(i % events.size());
    }

    /** The user key of an event (its userId), as the raw producer keys it. */
    static String userOf(String event) {
        int start = event.indexOf("\"userId\":\"") + 10;
        return event.substring(start, event.indexOf('"', start));
    }

    byte[] batch(int first, int size) {
        StringBuilder b = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(event(first + i));
        }
        return b.append("],\"sentAt\":\"2026-11-24T00:00:00.000Z\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String event(Random random) {
        return "{\"type\":\"track\",\"userId\":\"user-" + random.nextInt(100_000) + "\",\"event\":\"Order Completed\","
                + "\"messageId\":\"node-next-" + UUID.randomUUID() + "\",\"timestamp\":\"2026-11-24T00:00:00.000Z\","
                + "\"properties\":{\"orderId\":\"" + UUID.randomUUID() + "\",\"total\":" + random.nextInt(500)
                + ".99,\"currency\":\"USD\",\"products\":[{\"sku\":\"sku-" + random.nextInt(1000)
                + "\",\"price\":19.99,\"quantity\":" + (1 + random.nextInt(3)) + "},{\"sku\":\"sku-"
                + random.nextInt(1000) + "\",\"price\":5.5,\"quantity\":1}],\"coupon\":\"WINTER\"},"
                + "\"context\":{\"library\":{\"name\":\"@segment/analytics-node\",\"version\":\"3.1.0\"},"
                + "\"ip\":\"203.0.113." + random.nextInt(255) + "\",\"locale\":\"en-US\","
                + "\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36\"},"
                + "\"integrations\":{},\"_metadata\":{\"jsRuntime\":\"node\"}}";
    }
}
