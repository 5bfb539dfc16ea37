/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.dev.WarehouseChoice;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard dev} as a new user's script meets it: start it, poll {@code /readyz}, and send
 * with the example workspace's write key the moment it answers 200. The first call must be accepted
 * (200, never the 401 of a workspace not yet applied) and delivered to the dev inbox.
 */
class DevReadinessIT {

    private static final Path EXAMPLE = Path.of("..", "examples", "workspace.yaml");

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private CompletableFuture<DevMode> dev;

    @AfterEach
    void stop() {
        if (dev != null) {
            dev.join().close();
        }
    }

    @Test
    void shouldAcceptTheFirstCallWhenSentTheMomentReadyzAnswers200() throws Exception {
        // Given dev mode starting in the background on a known port
        int port = freePort();
        dev = CompletableFuture.supplyAsync(() -> {
            try {
                return DevMode.start(new DevMode.Options(
                        dir.resolve("data"),
                        false,
                        null,
                        0,
                        "127.0.0.1",
                        port,
                        EXAMPLE,
                        Map.of(),
                        WarehouseChoice.NONE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // When a script polls /readyz as fast as it can until it answers 200
        List<Integer> statuses = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int status = -1;
        while (status != 200 && System.nanoTime() < deadline && !dev.isCompletedExceptionally()) {
            status = readyz(port);
            if (statuses.isEmpty() || statuses.get(statuses.size() - 1) != status) {
                statuses.add(status);
            }
        }
        assertThat(status).as("/readyz answers seen: %s", statuses).isEqualTo(200);

        // And sends a track call at once with the workspace's write key
        HttpResponse<String> sent = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/track"))
                        .header("Authorization", basic("wk_example_web"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"userId\":\"u-1\",\"event\":\"Signed Up\",\"messageId\":\"ready-1\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then it is accepted, and the dev inbox receives it
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(statuses).as("never ready before the workspace was applied").endsWith(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> dev.join().inbox().list().toString().contains("ready-1"));
    }

    private int readyz(int port) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String basic(String writeKey) {
        return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
