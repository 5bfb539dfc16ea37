/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.dev.WarehouseChoice;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * What the recovery ITs run against: a whole dev Switchboard (tracking API, router, delivery) on an embedded
 * broker, and one HTTP server on 127.0.0.1 as every destination, which answers 200 and records each request's
 * JSON body by path, in arrival order.
 */
final class DevWithReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Request bodies by path, in arrival order; synchronize on it to read it. */
    final Map<String, List<JsonNode>> received = new TreeMap<>();

    final HttpServer receiver;
    final Path workspace;
    DevMode dev;

    /**
     * Starts the receiver, writes {@code workspaceYaml.apply(receiverPort)} to {@code dir}/workspace.yaml and
     * starts {@code dev} on it (no warehouse).
     */
    DevWithReceiver(Path dir, IntFunction<String> workspaceYaml) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            synchronized (received) {
                received.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new CopyOnWriteArrayList<>())
                        .add(body);
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        workspace = dir.resolve("workspace.yaml");
        Files.writeString(workspace, workspaceYaml.apply(port()));
        dev = DevMode.start(new DevMode.Options(
                dir.resolve("data"), false, null, 0, "127.0.0.1", 0, workspace, Map.of(), WarehouseChoice.NONE));
    }

    /** The receiver's port. */
    int port() {
        return receiver.getAddress().getPort();
    }

    /** The bodies received at {@code path}, so far. */
    List<JsonNode> bodies(String path) {
        synchronized (received) {
            return List.copyOf(received.getOrDefault(path, List.of()));
        }
    }

    @Override
    public void close() {
        if (dev != null) {
            dev.close();
        }
        receiver.stop(0);
    }
}
