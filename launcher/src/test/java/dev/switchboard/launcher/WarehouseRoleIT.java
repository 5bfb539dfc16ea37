/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher;

import static dev.switchboard.launcher.LocalHttp.freePort;
import static dev.switchboard.launcher.LocalHttp.get;
import static dev.switchboard.launcher.LocalHttp.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.warehouse.postgres.EmbeddedPostgres;
import dev.switchboard.warehouse.postgres.PostgresUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard warehouse} as a process, against the embedded broker and an embedded
 * PostgreSQL given by {@code --warehouse-url}: it passes its readiness probe, loads what lands on
 * {@code sb.events}, exports its metrics, and on SIGTERM loads the batch it holds before it commits
 * the offsets and exits.
 */
class WarehouseRoleIT {

    @TempDir
    Path dir;

    private EmbeddedKafka kafka;
    private EmbeddedPostgres postgres;
    private SwitchboardProcess role;

    @AfterEach
    void stop() {
        if (role != null) {
            role.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldLoadEventsAndDrainTheHeldBatchOnSigtermBeforeCommitting() throws Exception {
        // Given a broker with the topics, a PostgreSQL, and the role loading every source into it,
        // a batch being due at 3 events and never by time
        kafka = EmbeddedKafka.temporary().start();
        postgres = EmbeddedPostgres.create(dir.resolve("pg"), 0).start();
        String bootstrap = kafka.bootstrapServers();
        assertThat(Switchboard.commandLine().execute("topics", "create", "--kafka", bootstrap))
                .isZero();
        int opsPort = freePort();
        role = SwitchboardProcess.start(
                dir.resolve("warehouse.log"),
                List.of(
                        "warehouse",
                        "--kafka=" + bootstrap,
                        "--ops-host=127.0.0.1",
                        "--ops-port=" + opsPort,
                        "--warehouse-url=" + postgres.url(),
                        "--set=switchboard.warehouse.batch.rows=3",
                        "--set=switchboard.warehouse.batch.linger=1h"));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> status(opsPort, "/readyz") == 200 || !role.isAlive());
        assertThat(status(opsPort, "/readyz")).as(role.output()).isEqualTo(200);
        assertThat(status(opsPort, "/healthz")).isEqualTo(200);

        // When three events are archived
        send(List.of(
                track("wr-1", "u-1", "Order Completed", "{\"total\":42.5}"),
                track("wr-2", "u-2", "Signed Up", "{}"),
                identify("wr-3", "u-1", "{\"email\":\"ada@example.com\"}")));

        // Then they are in the warehouse, and counted on /metrics
        await().atMost(Duration.ofSeconds(60)).until(() -> count("web.tracks") == 2 && count("web.identifies") == 1);
        assertThat(query("SELECT id, total FROM web.order_completed")).isEqualTo("wr-1 42.5");
        assertThat(query("SELECT id, email FROM web.users")).isEqualTo("u-1 ada@example.com");
        assertThat(get(opsPort, "/metrics"))
                .contains("switchboard_warehouse_rows_loaded_total{warehouse=\"default\"} 3.0");

        // When two more arrive, fewer than a batch, so the loader holds them
        send(List.of(track("wr-4", "u-3", "Signed Up", "{}"), track("wr-5", "u-4", "Signed Up", "{}")));
        Thread.sleep(3000); // time to poll them (it polls every 200 ms); nothing makes the batch due
        assertThat(count("web.tracks")).as("held, not loaded, before the stop").isEqualTo(2);

        // And SIGTERM stops the role
        int exit = role.terminate(Duration.ofSeconds(60));

        // Then it loaded them before it exited, and committed every offset after that
        assertThat(exit).as(role.output()).isIn(0, 143);
        assertThat(count("web.tracks")).isEqualTo(4);
        assertThat(committed("sb-warehouse-default")).isEqualTo(endOffsets()).isEqualTo(5L);
    }

    private static String event(String type, String id, String userId, String fields) {
        return "{\"type\":\"" + type + "\",\"messageId\":\"" + id + "\",\"userId\":\"" + userId + "\","
                + "\"anonymousId\":\"anon-" + id + "\",\"receivedAt\":\"" + Instant.now() + "\","
                + "\"sentAt\":\"" + Instant.now() + "\",\"timestamp\":\"" + Instant.now() + "\"," + fields + "}";
    }

    private static Event track(String id, String userId, String name, String properties) {
        return record(
                id,
                "track",
                userId,
                name,
                event("track", id, userId, "\"event\":\"" + name + "\",\"properties\":" + properties));
    }

    private static Event identify(String id, String userId, String traits) {
        return record(id, "identify", userId, null, event("identify", id, userId, "\"traits\":" + traits));
    }

    private static Event record(String id, String type, String userId, String name, String json) {
        return Event.newBuilder()
                .setMessageId(id)
                .setType(type)
                .setUserId(userId)
                .setAnonymousId("anon-" + id)
                .setEvent(name)
                .setWorkspaceId("example")
                .setSourceId("web")
                .setReceivedAt(Instant.now())
                .setTimestamp(Instant.now())
                .setJson(json)
                .build();
    }

    private void send(List<Event> events) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(
                p,
                Topics.EVENTS.keySerde().serializer(),
                Topics.EVENTS.valueSerde().serializer())) {
            events.forEach(e -> producer.send(new ProducerRecord<>(Topics.EVENTS.name(), e.getUserId(), e)));
        }
    }

    private Connection connect() throws SQLException {
        PostgresUrl url = PostgresUrl.parse(postgres.url(), null, null);
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }

    private long count(String table) {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // not created yet
        }
    }

    /** The rows of {@code sql}, columns joined by a space and rows by a newline. */
    private String query(String sql) throws SQLException {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i > 1 ? " " : out.isEmpty() ? "" : "\n").append(rs.getString(i));
                }
            }
            return out.toString();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private long committed(String group) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        }
    }

    private long endOffsets() throws Exception {
        try (Admin admin = admin()) {
            var partitions = admin.describeTopics(List.of(Topics.EVENTS.name()))
                    .allTopicNames()
                    .get()
                    .get(Topics.EVENTS.name())
                    .partitions();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(
                            p -> new TopicPartition(Topics.EVENTS.name(), p.partition()), p -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(r -> r.offset())
                    .sum();
        }
    }
}
