/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.dev.WarehouseChoice;
import java.io.PrintWriter;
import java.io.StringWriter;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code switchboard config apply} changes routing while everything runs: a new destination gets
 * its topic and its events, a new filter applies, a removed connection stops, and nothing restarts.
 */
class ConfigApplyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORKSPACE =
            """
            workspace: live
            sources:
              - id: web
                writeKey: wk_live
            destinations:
              - { id: first, type: webhook, settings: { url: "http://127.0.0.1:%1$d/first" } }
            %2$s
            connections:
              - source: web
                destination: first
            %3$s
            """;

    @TempDir
    Path dir;

    private final Map<String, List<JsonNode>> received =
            Map.of("/first", new CopyOnWriteArrayList<>(), "/second", new CopyOnWriteArrayList<>());
    private HttpServer receiver;
    private DevMode dev;

    @AfterEach
    void stop() {
        if (dev != null) {
            dev.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void shouldRouteToNewDestinationWithItsFilterWhenWorkspaceIsReappliedWithoutRestart() throws Exception {
        // Given a running Switchboard with one destination
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            List<JsonNode> list = received.get(exchange.getRequestURI().getPath());
            if (list != null) {
                list.add(JSON.readTree(exchange.getRequestBody()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        int port = receiver.getAddress().getPort();
        Path file = dir.resolve("workspace.yaml");
        Files.writeString(file, WORKSPACE.formatted(port, "", ""));
        dev = DevMode.start(new DevMode.Options(
                dir.resolve("data"), false, null, 0, "127.0.0.1", 0, file, Map.of(), WarehouseChoice.NONE));
        track("Before", "m-before");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> received.get("/first").size() == 1);

        // When a second destination with a filter is applied with the CLI
        Files.writeString(
                file,
                WORKSPACE.formatted(
                        port,
                        "  - { id: second, type: webhook, settings: { url: \"http://127.0.0.1:" + port
                                + "/second\" } }",
                        """
                  - source: web
                    destination: second
                    filters:
                      - { if: 'event = "Debug"', drop: true }
                """));
        StringWriter out = new StringWriter();
        CommandLine cli = Switchboard.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("config", "apply", "-f", file.toString(), "--kafka", dev.bootstrapServers());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("applied workspace 'live'").contains("sb.dest.second");

        // Then new events reach both destinations, filtered for the second one, with no restart
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    track("Probe", "m-probe-" + System.nanoTime());
                    return !received.get("/second").isEmpty();
                });
        track("Debug", "m-debug");
        track("Signed Up", "m-signed-up");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> events("/first").contains("Signed Up")
                        && events("/second").contains("Signed Up"));
        assertThat(events("/first")).contains("Before", "Debug", "Signed Up");
        assertThat(events("/second")).contains("Signed Up").doesNotContain("Debug", "Before");
    }

    private List<String> events(String path) {
        return received.get(path).stream().map(n -> n.path("event").asText()).toList();
    }

    private void track(String event, String messageId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("userId", "u1", "event", event, "messageId", messageId));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder()
                                .uri(URI.create("http://127.0.0.1:" + dev.port() + "/v1/track"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString("wk_live:".getBytes(StandardCharsets.UTF_8)))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
