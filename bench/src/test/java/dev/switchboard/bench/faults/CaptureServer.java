/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The destinations, on 127.0.0.1 in the suite's JVM: {@code /d/<destination>} records the messageId
 * and arrival time of every body it answers 200 to. Each destination's {@link Mode} is switched while
 * the load runs: a failing one answers 503, a throttling one 429 with {@code Retry-After}, a hanging
 * one holds the request until its mode changes (the delivery's request timeout ends it first).
 */
final class CaptureServer implements AutoCloseable {

    /** What a destination answers. */
    enum Mode {
        OK,
        FAIL_503,
        THROTTLE_429,
        HANG
    }

    /** One body answered 200. */
    record Arrival(String destination, String messageId, long atMillis) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

    CaptureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/d/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL of one destination. */
    String url(String destination) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/d/" + destination;
    }

    void mode(String destination, Mode mode) {
        modes.put(destination, mode);
    }

    /** Every arrival so far (a copy). */
    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** How many requests a destination answered other than 200. */
    int refusals(String destination) {
        return refusals.getOrDefault(destination, 0);
    }

    void resetRefusals(String destination) {
        refusals.remove(destination);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String destination = exchange.getRequestURI().getPath().substring("/d/".length());
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode mode = modes.getOrDefault(destination, Mode.OK);
            while (mode == Mode.HANG) {
                sleep(50);
                mode = modes.getOrDefault(destination, Mode.OK);
                if (mode != Mode.HANG) {
                    return; // closed without an answer: the caller's attempt failed
                }
            }
            if (mode != Mode.OK) {
                refusals.merge(destination, 1, Integer::sum);
                if (mode == Mode.THROTTLE_429) {
                    exchange.getResponseHeaders().add("Retry-After", "2");
                }
                exchange.sendResponseHeaders(mode == Mode.FAIL_503 ? 503 : 429, -1);
                return;
            }
            long now = System.currentTimeMillis();
            JsonNode tree = JSON.readTree(body);
            if (tree.isArray()) {
                tree.forEach(e -> arrivals.add(
                        new Arrival(destination, e.path("messageId").asText(), now)));
            } else {
                arrivals.add(new Arrival(destination, tree.path("messageId").asText(), now));
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        modes.replaceAll((d, m) -> Mode.OK);
        server.stop(0);
        threads.shutdownNow();
    }
}
