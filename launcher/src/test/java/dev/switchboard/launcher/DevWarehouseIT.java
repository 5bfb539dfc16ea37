/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard dev} as a new user meets it, in a JVM of its own: it prints the embedded
 * PostgreSQL's {@code postgresql://} URL, a {@code track} and an {@code identify} sent to the
 * tracking API can be selected from that URL a few seconds later, and a restart keeps the tables.
 */
class DevWarehouseIT {

    private static final Path EXAMPLE = Path.of("..", "examples", "workspace.yaml");
    private static final Pattern TRACKING = Pattern.compile("Tracking API\\s+(http://\\S+)");
    private static final Pattern WAREHOUSE = Pattern.compile("Warehouse\\s+(postgresql://\\S+)");

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SwitchboardProcess dev;

    @AfterEach
    void stop() {
        if (dev != null) {
            dev.close();
        }
    }

    @Test
    void shouldLoadTrackAndIdentifyIntoThePrintedPostgresUrlAndKeepThemAcrossARestart() throws Exception {
        // Given dev mode with its defaults but ports of this test's choosing
        List<String> args = List.of(
                "dev",
                "--data-dir=" + dir.resolve("data"),
                "--config=" + EXAMPLE,
                "--port=" + freePort(),
                "--kafka-port=" + freePort(),
                "--warehouse-port=" + freePort());
        dev = SwitchboardProcess.start(dir.resolve("dev-1.log"), args);
        String api = dev.awaitOutput(TRACKING, Duration.ofSeconds(180));
        String url = dev.awaitOutput(WAREHOUSE, Duration.ofSeconds(5));

        // When a track and an identify are sent over HTTP with the example web source's write key
        post(
                api + "/v1/track",
                "{\"userId\":\"u-1\",\"event\":\"Signed Up\",\"messageId\":\"dw-1\","
                        + "\"properties\":{\"plan\":\"pro\",\"seats\":3}}");
        post(
                api + "/v1/identify",
                "{\"userId\":\"u-1\",\"messageId\":\"dw-2\","
                        + "\"traits\":{\"email\":\"ada@example.com\",\"name\":\"Ada\"}}");

        // Then the printed URL serves them in Segment's tables: tracks, the event's table, identifies, users
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> WarehouseRows.rows(url, "SELECT count(*) FROM web.users")
                        .equals("1"));
        assertThat(WarehouseRows.rows(url, "SELECT id, event, event_text, user_id FROM web.tracks"))
                .isEqualTo("dw-1 signed_up Signed Up u-1");
        assertThat(WarehouseRows.rows(url, "SELECT id, plan, seats FROM web.signed_up"))
                .isEqualTo("dw-1 pro 3");
        assertThat(WarehouseRows.rows(url, "SELECT id, user_id, email FROM web.identifies"))
                .isEqualTo("dw-2 u-1 ada@example.com");
        assertThat(WarehouseRows.rows(url, "SELECT id, email, name FROM web.users"))
                .isEqualTo("u-1 ada@example.com Ada");
        assertThat(WarehouseRows.rows(
                        url, "SELECT count(*) FROM web.tracks WHERE received_at IS NOT NULL AND uuid_ts IS NOT NULL"))
                .isEqualTo("1");

        // When dev stops (SIGTERM, as Ctrl-C) and starts again on the same data directory
        assertThat(dev.terminate(Duration.ofSeconds(60))).as(dev.output()).isIn(0, 143);
        dev = SwitchboardProcess.start(dir.resolve("dev-2.log"), args);
        String again = dev.awaitOutput(WAREHOUSE, Duration.ofSeconds(180));

        // Then the tables and their rows are still there
        assertThat(again).isEqualTo(url);
        assertThat(WarehouseRows.rows(again, "SELECT id FROM web.tracks UNION ALL SELECT id FROM web.identifies"))
                .isEqualTo("dw-1\ndw-2");
    }

    private void post(String url, String body) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString("wk_example_web:".getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
