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
import dev.switchboard.warehouse.postgres.PostgresUrl;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    @TempDir
    Path dir;

    private HttpServer receiver;
    private final Map<String, List<JsonNode>> received = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private DevMode dev;

    @BeforeEach
    void startReceiverAndSwitchboard() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String path : List.of("web", "governance", "quarantine")) {
            received.put(path, new CopyOnWriteArrayList<>());
            receiver.createContext("/" + path, exchange -> {
                received.get(path).add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
        }
        receiver.start();
        int port = receiver.getAddress().getPort();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(
                workspace,
                """
                workspace: fw
                sources:
                  - { id: web, name: Website, writeKey: wk_fw_web }
                  - { id: governance, writeKey: wk_fw_gov }
                  - { id: quarantine, writeKey: wk_fw_q }
                destinations:
                  - { id: web-hook, type: webhook, settings: { url: "http://127.0.0.1:%1$d/web" } }
                  - { id: gov-hook, type: webhook, settings: { url: "http://127.0.0.1:%1$d/governance" } }
                  - { id: q-hook, type: webhook, settings: { url: "http://127.0.0.1:%1$d/quarantine" } }
                connections:
                  - { source: web, destination: web-hook }
                  - { source: governance, destination: gov-hook }
                  - { source: quarantine, destination: q-hook }
                trackingPlans:
                  - source: web
                    enforcement: block-invalid
                    forwardViolations: { source: governance }
                    forwardBlockedEvents: { source: quarantine }
                    versions:
                      - version: 1
                        track:
                          Order Completed:
                            type: object
                            properties: { price: { type: number } }
                """
                        .formatted(port));
        dev = DevMode.start(new DevMode.Options(
                dir.resolve("data"), false, null, 0, "127.0.0.1", 0, workspace, Map.of(), WarehouseChoice.embedded(0)));
    }

    @AfterEach
    void stop() {
        if (dev != null) {
            dev.close();
        }
        receiver.stop(0);
    }

    @Test
    void shouldDeliverViolationGeneratedAndTheBlockedEventToTheChosenSourcesWhenAnEventIsInvalid() throws Exception {
        // Given web's plan, which blocks invalid events and forwards both violations and blocked events
        // When a valid and an invalid Order Completed come to web
        track("{\"userId\":\"u-1\",\"event\":\"Order Completed\",\"messageId\":\"fw-ok\","
                + "\"properties\":{\"price\":3}}");
        track("{\"userId\":\"u-1\",\"event\":\"Order Completed\",\"messageId\":\"fw-bad\","
                + "\"context\":{\"app\":{\"name\":\"Shop\",\"version\":\"2.3.1\"}},"
                + "\"properties\":{\"price\":\"free\"}}");

        // Then governance's destination gets the violation as Segment's Violation Generated track call
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !received.get("governance").isEmpty()
                        && !received.get("quarantine").isEmpty()
                        && !received.get("web").isEmpty());
        assertThat(received.get("governance")).hasSize(1);
        JsonNode call = received.get("governance").get(0);
        assertThat(call.get("type").asText()).isEqualTo("track");
        assertThat(call.get("event").asText()).isEqualTo("Violation Generated");
        assertThat(call.get("userId").asText()).isEqualTo("schema-violations");
        assertThat(call.get("messageId").asText()).startsWith("sch-");
        assertThat(call.at("/context/app/version").asText()).isEqualTo("2.3.1");
        JsonNode p = call.get("properties");
        assertThat(p.get("eventMessageID").asText()).isEqualTo("fw-bad");
        assertThat(p.get("eventName").asText()).isEqualTo("Order Completed");
        assertThat(p.get("eventType").asText()).isEqualTo("track");
        assertThat(p.get("sourceID").asText()).isEqualTo("web");
        assertThat(p.get("sourceName").asText()).isEqualTo("Website");
        assertThat(p.get("appVersion").asText()).isEqualTo("2.3.1");
        assertThat(p.get("violationType").asText()).isEqualTo("Type");
        assertThat(p.get("violationField").asText()).isEqualTo("properties.price");
        assertThat(p.get("violationDescription").asText())
                .isEqualTo("properties.price must be type: number, got string");
        assertThat(p.get("trackingPlanVersion").asInt()).isEqualTo(1);
        assertThat(p.get("blocked").asBoolean()).isTrue();

        // And quarantine's destination gets the blocked event as it came; web's gets only the valid one
        assertThat(received.get("quarantine")).singleElement().satisfies(e -> {
            assertThat(e.get("messageId").asText()).isEqualTo("fw-bad");
            assertThat(e.at("/properties/price").asText()).isEqualTo("free");
        });
        assertThat(received.get("web"))
                .extracting(e -> e.get("messageId").asText())
                .containsExactly("fw-ok");

        // And the warehouse loads the call into governance's violation_generated table, like any event of it
        String url = dev.warehouseUrl();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> rows(url, "SELECT count(*) FROM governance.violation_generated")
                        .equals("1"));
        assertThat(rows(
                        url,
                        "SELECT id, event_message_id, event_name, source_id, violation_type, violation_field"
                                + " FROM governance.violation_generated"))
                .isEqualTo(call.get("messageId").asText() + " fw-bad Order Completed web Type properties.price");
        assertThat(rows(
                        url,
                        "SELECT event_name, violation_field, violation_type, count(*)"
                                + " FROM governance.violation_generated WHERE received_at > now() - interval '1 day'"
                                + " GROUP BY 1, 2, 3 ORDER BY 4 DESC"))
                .as("the query of docs/warehouse.md")
                .isEqualTo("Order Completed properties.price Type 1");
        assertThat(rows(url, "SELECT id FROM quarantine.order_completed")).isEqualTo("fw-bad");
        assertThat(rows(url, "SELECT id FROM web.order_completed ORDER BY id")).isEqualTo("fw-bad\nfw-ok");
    }

    private void track(String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(dev.url() + "/v1/track"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("wk_fw_web:".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The rows of {@code sql}, columns joined by a space and rows by a newline, ordered as the query says. */
    private static String rows(String psqlUrl, String sql) {
        PostgresUrl url = PostgresUrl.parse(psqlUrl, null, null);
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : "\n");
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? " " : "").append(rs.getString(i));
                }
            }
            return out.toString();
        } catch (SQLException e) {
            return "error: " + e.getMessage(); // e.g. the table is not created yet
        }
    }
}
