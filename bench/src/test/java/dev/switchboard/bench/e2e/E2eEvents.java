/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

/**
 * The benchmark's events, as a website and a backend send them: of every 20, 12 track calls with
 * properties, 5 page calls and 3 identify calls with traits, each with a library context, an IP, a
 * user agent and a timestamp (400 to 700 bytes). The kind and the values follow from the messageId,
 * so a run sends the same bytes every time.
 */
final class E2eEvents {

    private static final String CONTEXT = "\"context\":{\"library\":{\"name\":\"analytics.js\",\"version\":\"5.2.0\"},"
            + "\"ip\":\"203.0.113.%d\",\"locale\":\"en-US\",\"page\":{\"path\":\"/shop/%d\","
            + "\"url\":\"https://shop.example.com/shop/%d\"},"
            + "\"userAgent\":\"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36\"}";

    private static final String[] TRACKS = {"Product Viewed", "Product Added", "Checkout Started", "Order Completed"};

    private E2eEvents() {}

    /** The event with this messageId, as one item of a {@code /v1/batch} call. */
    static String event(String messageId) {
        int n = messageId.hashCode() & 0x7fffffff;
        String user = "user-" + (n % 50_000);
        String context = CONTEXT.formatted(n % 255, n % 400, n % 400);
        String common = "\"messageId\":\"" + messageId + "\",\"userId\":\"" + user
                + "\",\"anonymousId\":\"anon-" + (n % 70_000) + "\",\"timestamp\":\"2026-12-04T12:00:00.000Z\","
                + context;
        int kind = n % 20;
        if (kind < 12) {
            return "{\"type\":\"track\",\"event\":\"" + TRACKS[n % TRACKS.length] + "\"," + common
                    + ",\"properties\":{\"productId\":\"sku-" + (n % 1000) + "\",\"price\":" + (n % 200) + ".99"
                    + ",\"quantity\":" + (1 + n % 3) + ",\"currency\":\"USD\",\"category\":\"shoes\"}}";
        }
        if (kind < 17) {
            return "{\"type\":\"page\",\"name\":\"Product\"," + common + ",\"properties\":{\"title\":\"Product "
                    + (n % 400) + "\",\"referrer\":\"https://www.example.org/\"}}";
        }
        return "{\"type\":\"identify\"," + common + ",\"traits\":{\"email\":\"" + user
                + "@example.com\",\"plan\":\"" + (n % 2 == 0 ? "pro" : "free") + "\",\"logins\":" + (n % 90)
                + ",\"createdAt\":\"2025-01-0" + (1 + n % 9) + "T00:00:00.000Z\"}}";
    }
}
