/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.dev.WarehouseChoice;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.Event;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path, as a user runs it: Segment's official Java library → tracking API → Kafka →
 * router → delivery → a real HTTP endpoint on 127.0.0.1, signed. The starting point for reading the
 * system end to end.
 */
class EndToEndIT {

    private static final String SECRET = "e2e-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private DevMode dev;

    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    @BeforeEach
    void startReceiverAndSwitchboard() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        Path workspace = dir.resolve("workspace.yaml");
        Files.writeString(
                workspace,
                """
                workspace: e2e
                sources:
                  - id: server
                    writeKey: wk_e2e_server
                destinations:
                  - id: hook
                    type: webhook
                    settings:
                      url: http://127.0.0.1:%d/hook
                      sharedSecret: %s
                connections:
                  - source: server
                    destination: hook
                """
                        .formatted(receiver.getAddress().getPort(), SECRET));
        dev = DevMode.start(new DevMode.Options(
                dir.resolve("data"), false, null, 0, "127.0.0.1", 0, workspace, Map.of(), WarehouseChoice.NONE));
    }

    @AfterEach
    void stop() {
        if (dev != null) {
            dev.close();
        }
        receiver.stop(0);
    }

    @Test
    void shouldDeliverEachSdkCallOnceSignedWhenSentWithSegmentsJavaLibrary() throws Exception {
        // Given Segment's own Java library, pointed at Switchboard with nothing changed but the host
        List<Message> acknowledged = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Analytics analytics = Analytics.builder("wk_e2e_server")
                .endpoint("http://127.0.0.1:" + dev.port())
                .callback(new Callback() {
                    @Override
                    public void success(Message message) {
                        acknowledged.add(message);
                    }

                    @Override
                    public void failure(Message message, Throwable throwable) {
                        failures.add(throwable);
                    }
                })
                .build();

        // When it sends an identify, a track and a page
        analytics.enqueue(IdentifyMessage.builder().userId("user-42").traits(Map.of("email", "ada@example.com")));
        analytics.enqueue(TrackMessage.builder("Order Completed")
                .userId("user-42")
                .properties(Map.of("order_id", "o-1", "revenue", 25.5)));
        analytics.enqueue(PageMessage.builder("Pricing").userId("user-42").properties(Map.of("path", "/pricing")));
        analytics.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() + failures.size() == 3);
        analytics.shutdown();
        assertThat(failures).isEmpty();

        // Then the webhook receives each event, signed, and every attempt is recorded as delivered
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 3);
        List<DeliveryOutcome> outcomes = readAll(Topics.DELIVERY_OUTCOMES.name(), Topics.DELIVERY_OUTCOMES, 3);
        assertThat(outcomes).extracting(DeliveryOutcome::getStatus).containsOnly(DeliveryStatus.DELIVERED);
        assertThat(received).as("each event exactly once").hasSize(3);

        List<JsonNode> bodies = new ArrayList<>();
        for (Received r : received) {
            assertThat(r.header("X-Signature")).isEqualTo(hmacSha1Hex(SECRET, r.body()));
            assertThat(r.header("User-Agent")).startsWith("Switchboard/");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            bodies.add(JSON.readTree(r.body()));
        }
        assertThat(bodies)
                .extracting(b -> b.get("type").asText())
                .containsExactlyInAnyOrder("identify", "track", "page");
        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.get("userId").asText()).isEqualTo("user-42");
            assertThat(b.hasNonNull("messageId")).isTrue();
            assertThat(b.hasNonNull("receivedAt")).isTrue();
            assertThat(b.hasNonNull("timestamp")).isTrue();
            assertThat(b.has("writeKey"))
                    .as("the write key never leaves Switchboard")
                    .isFalse();
            assertThat(b.at("/context/library/name").asText()).isEqualTo("analytics-java");
        });
        JsonNode track = bodies.stream()
                .filter(b -> b.get("type").asText().equals("track"))
                .findFirst()
                .orElseThrow();
        assertThat(track.get("event").asText()).isEqualTo("Order Completed");
        assertThat(track.at("/properties/revenue").asDouble()).isEqualTo(25.5);
        assertThat(bodies).extracting(b -> b.get("messageId").asText()).doesNotHaveDuplicates();

        // And the archive of record holds the same events with their server-set fields
        List<Event> archived = readAll(Topics.EVENTS.name(), Topics.EVENTS, 3);
        assertThat(archived)
                .extracting(Event::getMessageId)
                .containsExactlyInAnyOrderElementsOf(
                        bodies.stream().map(b -> b.get("messageId").asText()).toList());
        assertThat(archived).allSatisfy(e -> {
            assertThat(e.getSourceId()).isEqualTo("server");
            assertThat(e.getWorkspaceId()).isEqualTo("e2e");
            assertThat(e.getReceivedAt()).isNotNull();
            assertThat(JSON.readTree(e.getJson()).hasNonNull("receivedAt")).isTrue();
        });
    }

    private <V> List<V> readAll(String topic, dev.switchboard.schemas.Topic<String, V> typed, int atLeast) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                dev.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "e2e-reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        List<V> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(
                props, typed.keySerde().deserializer(), typed.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= atLeast;
            });
            // read a little longer: duplicates would show up here
            consumer.poll(Duration.ofSeconds(2)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private static String hmacSha1Hex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
