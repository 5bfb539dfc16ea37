/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.console;

import static org.awaitility.Awaitility.await;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.MessageBuilder;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.dev.WarehouseChoice;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code switchboard dev} with a workspace that exercises every console view, and a real webhook receiver on
 * 127.0.0.1 whose answer a test can turn to 503: source {@code web} is connected to {@code hooks} (a webhook
 * with a shared secret, retry window 2 s, so a failing call is dead-lettered fast) and to {@code quiet} (a
 * webhook that drops every {@code Debug} event by filter).
 */
final class ConsoleFixture implements AutoCloseable {

    static final String WRITE_KEY = "wk_console_test_key";
    static final String SHARED_SECRET = "hook-secret-never-shown";

    final DevMode dev;
    final HttpServer receiver;
    /** Bodies hooks (path /hook) answered 200 to; quiet (/quiet) always answers 200 and is not recorded. */
    final List<String> received = new CopyOnWriteArrayList<>();

    /** What hooks answers. */
    final AtomicInteger status = new AtomicInteger(200);

    final HttpClient http = HttpClient.newHttpClient();

    ConsoleFixture(Path dir) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean hooks = exchange.getRequestURI().getPath().equals("/hook");
            int code = hooks ? status.get() : 200;
            byte[] answer = (code == 200 ? "{\"ok\":true}" : "{\"error\":\"hooks is down for maintenance\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (hooks && code == 200) {
                received.add(body);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Vendor-Trace", "vt-123");
            exchange.sendResponseHeaders(code, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
        int port = receiver.getAddress().getPort();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(
                workspace,
                """
                workspace: console
                sources:
                  - { id: web, name: Website, writeKey: %s }
                destinations:
                  - id: hooks
                    type: webhook
                    settings: { url: "http://127.0.0.1:%d/hook", sharedSecret: "%s" }
                    delivery: { retryWindow: 2s }
                  - { id: quiet, type: webhook, settings: { url: "http://127.0.0.1:%d/quiet" } }
                connections:
                  - { source: web, destination: hooks }
                  - source: web
                    destination: quiet
                    filters:
                      - { if: 'type = "track" and event = "Debug"', drop: true }
                trackingPlans:
                  - source: web
                    versions:
                      - version: 1
                        track:
                          Order Completed: { type: object }
                          Plan Checked: { type: object, properties: { sku: { type: string } } }
                """
                        .formatted(WRITE_KEY, port, SHARED_SECRET, port));
        dev = DevMode.start(new DevMode.Options(
                dir.resolve("data"),
                false,
                null,
                0,
                "127.0.0.1",
                0,
                workspace,
                Map.of("switchboard.delivery.backoff.base", "100ms", "switchboard.delivery.backoff.max", "500ms"),
                WarehouseChoice.NONE));
    }

    String consoleUrl() {
        return dev.consoleUrl();
    }

    /** Sends {@code messages} with Segment's Java library, pointed at Switchboard; waits until each is acknowledged. */
    void sendWithSegmentsLibrary(MessageBuilder<?, ?>... messages) {
        AtomicInteger done = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Analytics analytics = Analytics.builder(WRITE_KEY)
                .endpoint("http://127.0.0.1:" + dev.port())
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        done.incrementAndGet();
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                        done.incrementAndGet();
                    }
                })
                .build();
        for (MessageBuilder<?, ?> m : messages) {
            analytics.enqueue(m);
        }
        analytics.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> done.get() == messages.length);
        analytics.shutdown();
        if (!failures.isEmpty()) {
            throw new AssertionError("Segment's library failed to send: " + failures);
        }
    }

    /** POSTs a raw body to the tracking API with the write key; returns the status. */
    int sendRaw(String path, String body) {
        return sendRawAsync(path, body).join();
    }

    /** {@link #sendRaw} without waiting for the answer. */
    CompletableFuture<Integer> sendRawAsync(String path, String body) {
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + dev.port() + path))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(
                                                                (WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8)))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(HttpResponse::statusCode);
    }

    @Override
    public void close() {
        dev.close();
        receiver.stop(0);
    }
}
