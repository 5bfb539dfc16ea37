/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.tracking.support.ApiUnderTest;
import dev.switchboard.tracking.support.TopicReader;
import dev.switchboard.tracking.support.Workspace;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away and comes back (same data directory and port): the API answers 503 with
 * {@code Retry-After} (bounded: every request here has a client timeout, so a hang fails the test),
 * reports not ready, never answers 200 for an unacknowledged event, and accepts traffic again once
 * the broker is back.
 */
class BrokerOutageIT {

    private Path dir;
    private EmbeddedKafka kafka;
    private ApiUnderTest api;

    @AfterEach
    void cleanUp() {
        if (api != null) {
            api.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        EmbeddedKafka.deleteRecursively(dir);
    }

    @Test
    void shouldAnswer503WhileTheBrokerIsDownAndRecoverWhenItReturns() throws IOException {
        // Given
        dir = Files.createTempDirectory("switchboard-outage-");
        int port = freePort();
        kafka = EmbeddedKafka.create(dir, port).start();
        Workspace.prepare(kafka.bootstrapServers());
        TrackingApiConfig config = TrackingApiConfig.defaults().with(TrackingApiConfig.ACK_TIMEOUT.key(), "5s");
        api = new ApiUnderTest(kafka.bootstrapServers(), config);
        assertThat(post("before").statusCode()).isEqualTo(200);

        // When: the broker stops
        kafka.close();
        kafka = null;
        AtomicReference<HttpResponse<String>> unavailable = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> r = post("during");
            assertThat(r.statusCode()).as("never 200 without a broker").isIn(503);
            unavailable.set(r);
            return api.send(api.request("/readyz").GET().build()).statusCode() == 503;
        });

        // Then
        assertThat(unavailable.get().headers().firstValue("Retry-After")).isPresent();
        assertThat(unavailable.get().body()).contains("\"code\":\"unavailable\"");
        assertThat(post("during-2").statusCode()).isEqualTo(503);
        assertThat(api.app().ready()).isFalse();

        // When: it comes back on the same directory and port
        kafka = EmbeddedKafka.create(dir, port).start();
        await().atMost(Duration.ofSeconds(90)).until(() -> post("after-probe").statusCode() == 200);

        // Then
        try (TopicReader<RawCall> raw = new TopicReader<>(kafka.bootstrapServers(), Topics.INGEST_RAW)) {
            assertThat(post("after").statusCode()).isEqualTo(200);
            assertThat(raw.take(1).get(0).value().getMessageId()).isEqualTo("outage-after");
        }
        assertThat(api.app().ready()).isTrue();
    }

    private HttpResponse<String> post(String tag) {
        return api.post(
                "/v1/track",
                Workspace.WEB_KEY,
                "{\"userId\":\"outage\",\"event\":\"Outage\",\"messageId\":\"outage-" + tag + "\"}");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
