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
import java.io.IOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segment's Forward Violations and Forward Blocked Events through the whole pipeline: an invalid event
 * of source {@code web} (plan {@code block-invalid}) reaches {@code web}'s destination not at all,
 * its violation reaches the destination of source {@code governance} as a {@code Violation Generated}
 * track call with Segment's properties, the event itself reaches the destination of source
 * {@code quarantine}, and the warehouse loads the call into {@code governance.violation_generated}.
 */
class ForwardingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Three sources, each with a webhook of its own; web's plan forwards into the other two. */
    private static final String WORKSPACE =
            """
            workspace: fw
            sources: [{id: web, name: Website, writeKey: wk_fw_web}, {id: governance, writeKey: g1}, {id: quarantine, writeKey: q1}]
            destinations:
              - {id: web-hook, type: webhook, settings: {url: "http://127.0.0.1:%1$d/web"}}
              - {id: gov-hook, type: webhook, settings: {url: "http://127.0.0.1:%1$d/governance"}}
              - {id: q-hook, type: webhook, settings: {url: "http://127.0.0.1:%1$d/quarantine"}}
            connections: [{source: web, destination: web-hook}, {source: governance, destination: gov-hook}, {source: quarantine, destination: q-hook}]
            trackingPlans:
              - source: web
                enforcement: block-invalid
                forwardViolations: {source: governance}
                forwardBlockedEvents: {source: quarantine}
                versions: [{version: 1, track: {Order Completed: {type: object, properties: {price: {type: number}}}}}]
            """;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Webhook receivers on 127.0.0.1, one path each; every body they get, by path. */
    static final class Receivers implements AutoCloseable {
        final Map<String, List<JsonNode>> bodies = new ConcurrentHashMap<>();
        private final HttpServer server;

        Receivers(String... paths) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            for (String path : paths) {
                List<JsonNode> got = bodies.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
                server.createContext("/" + path, exchange -> {
                    got.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
            }
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void shouldDeliverViolationGeneratedAndTheBlockedEventToTheChosenSourcesWhenAnEventIsInvalid() throws Exception {
        Path workspace = dir.resolve("workspace.yaml");
        try (Receivers hooks = new Receivers("web", "governance", "quarantine");
                DevMode dev = DevMode.start(new DevMode.Options(
                        dir.resolve("data"),
                        false,
                        null,
                        0,
                        "127.0.0.1",
                        0,
                        Files.writeString(workspace, WORKSPACE.formatted(hooks.port())),
                        Map.of(),
                        WarehouseChoice.embedded(0)))) {
            // Given web's plan, which blocks invalid events and forwards both violations and blocked events
            // When a valid and an invalid Order Completed come to web
            track(
                    dev,
                    "{\"userId\":\"u-1\",\"event\":\"Order Completed\",\"messageId\":\"fw-ok\",\"properties\":{\"price\":3}}");
            track(
                    dev,
                    "{\"userId\":\"u-1\",\"event\":\"Order Completed\",\"messageId\":\"fw-bad\","
                            + "\"context\":{\"app\":{\"name\":\"Shop\",\"version\":\"2.3.1\"}},\"properties\":{\"price\":\"free\"}}");

            // Then governance's destination gets the violation as Segment's Violation Generated track call
            Map<String, List<JsonNode>> got = hooks.bodies;
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> got.values().stream().noneMatch(List::isEmpty));
            assertThat(got.get("governance")).hasSize(1);
            JsonNode call = got.get("governance").get(0);
            JsonNode expected = JSON.readTree(
                    """
                    {"type": "track", "event": "Violation Generated", "userId": "schema-violations",
                     "context": {"app": {"name": "Shop", "version": "2.3.1"}},
                     "properties": {"eventMessageID": "fw-bad", "eventName": "Order Completed", "eventType": "track",
                       "sourceID": "web", "sourceName": "Website", "sourceSlug": "web", "appVersion": "2.3.1",
                       "violationType": "Type Mismatch", "violationField": "properties.price",
                       "violationDescription": "properties.price must be type: number, got string",
                       "trackingPlanVersion": 1, "blocked": true}}""");
            expected.fields().forEachRemaining(e -> {
                if (e.getValue().isObject()) {
                    e.getValue().fields().forEachRemaining(f -> assertThat(
                                    call.get(e.getKey()).get(f.getKey()))
                            .as(e.getKey() + "." + f.getKey())
                            .isEqualTo(f.getValue()));
                } else {
                    assertThat(call.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                }
            });
            assertThat(call.get("messageId").asText()).startsWith("sch-");

            // And quarantine's destination gets the blocked event as it came; web's gets only the valid one
            assertThat(got.get("quarantine")).singleElement().satisfies(e -> {
                assertThat(e.get("messageId").asText()).isEqualTo("fw-bad");
                assertThat(e.at("/properties/price").asText()).isEqualTo("free");
            });
            assertThat(got.get("web"))
                    .extracting(e -> e.get("messageId").asText())
                    .containsExactly("fw-ok");

            // And the warehouse loads the call into governance's violation_generated table, like any event of it
            String url = dev.warehouseUrl();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> WarehouseRows.rows(url, "SELECT count(*) FROM governance.violation_generated")
                            .equals("1"));
            assertThat(WarehouseRows.rows(
                            url,
                            "SELECT id, event_message_id, event_name, source_id, violation_type, violation_field"
                                    + " FROM governance.violation_generated"))
                    .isEqualTo(call.get("messageId").asText()
                            + " fw-bad Order Completed web Type Mismatch properties.price");
            assertThat(WarehouseRows.rows(
                            url,
                            "SELECT event_name, violation_field, violation_type, count(*)"
                                    + " FROM governance.violation_generated WHERE received_at > now() - interval '1 day'"
                                    + " GROUP BY 1, 2, 3 ORDER BY 4 DESC"))
                    .as("the query of docs/warehouse.md")
                    .isEqualTo("Order Completed properties.price Type Mismatch 1");
            assertThat(WarehouseRows.rows(url, "SELECT id FROM quarantine.order_completed"))
                    .isEqualTo("fw-bad");
            assertThat(WarehouseRows.rows(url, "SELECT id FROM web.order_completed ORDER BY id"))
                    .as("web's warehouse does not load the event its plan blocked, as no destination of web gets it")
                    .isEqualTo("fw-ok");
        }
    }

    private void track(DevMode dev, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString("wk_fw_web:".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(dev.url() + "/v1/track"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
