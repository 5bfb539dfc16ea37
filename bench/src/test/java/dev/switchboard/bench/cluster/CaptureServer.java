/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The destinations, on 127.0.0.1 in the bench's JVM (Vert.x, non-blocking, so it is not what limits
 * the rates the end-to-end benchmark measures): {@code /d/<destination>} records the messageId and
 * arrival time of every body it answers 200 to. Each destination's {@link Mode} is switched while
 * the load runs: a failing one answers 503, a throttling one 429 with {@code Retry-After}, a hanging
 * one holds the request until its mode changes, then closes the connection without an answer (the
 * delivery's request timeout ends it first).
 */
public final class CaptureServer implements AutoCloseable {

    /** What a destination answers. */
    public enum Mode {
        OK,
        FAIL_503,
        THROTTLE_429,
        HANG
    }

    /** One body answered 200. */
    public record Arrival(String destination, String messageId, long atMillis) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final Map<String, Queue<HttpServerRequest>> held = new ConcurrentHashMap<>();

    public CaptureServer() throws IOException {
        try {
            server = vertx.createHttpServer()
                    .requestHandler(request -> request.body().onSuccess(body -> handle(request, body)))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the capture server did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the capture server started", e);
        }
    }

    /** The URL of one destination. */
    public String url(String destination) {
        return "http://127.0.0.1:" + server.actualPort() + "/d/" + destination;
    }

    /** Switches a destination's answer; the requests a hanging destination holds are closed unanswered. */
    public void mode(String destination, Mode mode) {
        Mode before = modes.put(destination, mode);
        if (before == Mode.HANG && mode != Mode.HANG) {
            Queue<HttpServerRequest> requests = held.getOrDefault(destination, new ConcurrentLinkedQueue<>());
            for (HttpServerRequest r = requests.poll(); r != null; r = requests.poll()) {
                r.connection().close(); // closed without an answer: the caller's attempt failed
            }
        }
    }

    /** Every arrival so far (a copy). */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** How many requests a destination answered other than 200. */
    public int refusals(String destination) {
        return refusals.getOrDefault(destination, 0);
    }

    /** Every arrival so far, removed: a long run reads them step by step without keeping them all. */
    public List<Arrival> drain() {
        List<Arrival> out = new ArrayList<>();
        for (Arrival a = arrivals.poll(); a != null; a = arrivals.poll()) {
            out.add(a);
        }
        return out;
    }

    public void resetRefusals(String destination) {
        refusals.remove(destination);
    }

    private void handle(HttpServerRequest request, Buffer body) {
        String destination = request.path().substring("/d/".length());
        Mode mode = modes.getOrDefault(destination, Mode.OK);
        if (mode == Mode.HANG) {
            held.computeIfAbsent(destination, d -> new ConcurrentLinkedQueue<>())
                    .add(request);
            return;
        }
        if (mode != Mode.OK) {
            refusals.merge(destination, 1, Integer::sum);
            if (mode == Mode.THROTTLE_429) {
                request.response().putHeader("Retry-After", "2");
            }
            request.response().setStatusCode(mode == Mode.FAIL_503 ? 503 : 429).end();
            return;
        }
        long now = System.currentTimeMillis();
        try {
            JsonNode tree = JSON.readTree(body.getBytes());
            if (tree.isArray()) {
                tree.forEach(e -> arrivals.add(
                        new Arrival(destination, e.path("messageId").asText(), now)));
            } else {
                arrivals.add(new Arrival(destination, tree.path("messageId").asText(), now));
            }
        } catch (IOException e) {
            request.response().setStatusCode(400).end();
            return;
        }
        request.response().setStatusCode(200).end();
    }

    @Override
    public void close() {
        modes.keySet().forEach(d -> mode(d, Mode.OK));
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the capture server did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
