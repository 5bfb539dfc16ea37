/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.recovery.OperatorCli.Run;
import dev.switchboard.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard suppress} and {@code switchboard fields} as an operator runs them, against a whole
 * Switchboard (tracking API, router, delivery) on an embedded broker and an HTTP destination on 127.0.0.1.
 */
class SuppressFieldsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** One source, one webhook destination, and a user suppressed by the file itself. */
    private static final String WORKSPACE =
            """
            workspace: shop
            sources: [{ id: web, writeKey: wk_shop }]
            destinations: [{ id: hooks, type: webhook, settings: { url: "http://127.0.0.1:%d/hooks" } }]
            connections: [{ source: web, destination: hooks }]
            suppression: { userIds: [listed-in-file] }
            """;

    @TempDir
    static Path dir;

    private static final AtomicInteger probes = new AtomicInteger();
    private static DevWithReceiver world;
    private static DevMode dev;

    @BeforeAll
    static void start() throws Exception {
        world = new DevWithReceiver(dir, WORKSPACE::formatted);
        dev = world.dev;
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    /** The messageIds the destination received, in order. */
    private static List<String> received() {
        return world.bodies("/hooks").stream()
                .map(b -> b.path("messageId").asText())
                .toList();
    }

    @Test
    void shouldHoldBackASuppressedUsersEventsUntilRemovedAndDeliverOtherUsers() throws Exception {
        Run add = run("suppress", "add", "--user-id", "u-gone", "--reason", "GDPR 1187");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("suppressed userId u-gone of workspace shop (GDPR 1187)");
        assertThat(run("suppress", "add", "--user-id", "u-gone").out()).contains("already suppressed");

        Run list = run("suppress", "list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        JsonNode entries = JSON.readTree(list.out());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).path("id").asText()).isEqualTo("u-gone");
        assertThat(entries.get(0).path("from").asText()).isEqualTo("topic");
        assertThat(entries.get(0).path("reason").asText()).isEqualTo("GDPR 1187");
        assertThat(entries.get(1).path("id").asText()).isEqualTo("listed-in-file");
        assertThat(entries.get(1).path("from").asText()).isEqualTo("workspace");

        // The router follows sb.suppressions on its own thread: once one of the user's events is archived as
        // suppressed, every later one is.
        awaitArchivedAs("u-gone", "suppressed");
        track("u-gone", "next-gone");
        track("u-other", "next-other");
        await().atMost(Duration.ofSeconds(60)).until(() -> received().contains("next-other"));
        awaitArchived("next-gone");
        assertThat(blockedAs("next-gone")).isEqualTo("suppressed");
        assertThat(requested()).doesNotContain("next-gone").contains("next-other");

        Run remove = run("suppress", "remove", "--user-id", "u-gone");
        assertThat(remove.exit()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("lifted the suppression of userId u-gone");
        awaitArchivedAs("u-gone", null);
        track("u-gone", "back");
        await().atMost(Duration.ofSeconds(60)).until(() -> received().contains("back"));
        assertThat(received()).doesNotContain("next-gone");
    }

    @Test
    void shouldRefuseAnAddWithoutOrWithBothIdsInOneLine() {
        for (List<String> args : List.of(
                List.of("suppress", "add"),
                List.of("suppress", "add", "--user-id", "a", "--anonymous-id", "b"),
                List.of("suppress", "remove"),
                List.of("suppress", "add", "--user-id", "a", "--workspace", "nope"))) {
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as("%s", args).hasSize(1);
        }
    }

    @Test
    void shouldListTheFieldsOfEventsSentThroughTheRouter() throws Exception {
        OperatorCli.send(
                dev.port(),
                "wk_shop",
                "track",
                "{\"userId\":\"u-f\",\"event\":\"Signed Up\",\"messageId\":\"f-1\","
                        + "\"properties\":{\"plan\":\"pro\",\"seats\":3,\"contact\":\"ann@example.com\"}}");
        await().atMost(Duration.ofSeconds(60)).until(() -> fieldPaths().contains("/properties/contact"));
        JsonNode fields =
                JSON.readTree(run("fields", "--source", "web", "--json").out());
        Map<String, JsonNode> byPath = new java.util.TreeMap<>();
        fields.forEach(f -> byPath.put(f.path("path").asText(), f));
        assertThat(byPath).containsKeys("/properties", "/properties/plan", "/properties/seats", "/context");
        assertThat(byPath.get("/properties/seats").path("types").get(0).asText())
                .isEqualTo("integer");
        assertThat(byPath.get("/properties/contact").path("pii").asText()).isEqualTo("email");
        assertThat(byPath.get("/properties/contact").path("classification").asText())
                .isEqualTo("yellow");

        Run table = run("fields", "--source", "web");
        assertThat(table.exit()).as(table.err()).isZero();
        assertThat(table.out()).contains("PATH").contains("/properties/contact").contains("email (yellow)");
        Run unknown = run("fields", "--source", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown source 'nope'");
    }

    private static List<String> fieldPaths() {
        List<String> paths = new ArrayList<>();
        JsonNode fields;
        try {
            fields = JSON.readTree(run("fields", "--source", "web", "--json").out());
        } catch (Exception e) {
            return paths;
        }
        fields.forEach(f -> paths.add(f.path("path").asText()));
        return paths;
    }

    /** Sends probe events of {@code userId} until one is archived blocked as {@code why} (null: not blocked). */
    private static void awaitArchivedAs(String userId, String why) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String id = "probe-" + probes.incrementAndGet();
            track(userId, id);
            awaitArchived(id);
            return java.util.Objects.equals(blockedAs(id), why);
        });
    }

    private static void awaitArchived(String messageId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> archived(messageId) != null);
    }

    private static String blockedAs(String messageId) {
        Header h = archived(messageId).headers().lastHeader("sb-blocked");
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> archived(String messageId) {
        var events = Topics.EVENTS.valueSerde().deserializer();
        for (ConsumerRecord<byte[], byte[]> r :
                CommittedRecords.records(dev.bootstrapServers(), Topics.EVENTS.name())) {
            if (events.deserialize(Topics.EVENTS.name(), r.value())
                    .getMessageId()
                    .equals(messageId)) {
                return r;
            }
        }
        return null;
    }

    /** The messageIds of every request the router wrote for hooks (it writes them with the archive, in one transaction). */
    private static List<String> requested() {
        return CommittedRecords.read(
                        dev.bootstrapServers(),
                        Topics.destination("hooks").name(),
                        Topics.destination("hooks").valueSerde().deserializer())
                .stream()
                .flatMap(r -> r.getMessageIds().stream())
                .toList();
    }

    private static void track(String userId, String messageId) throws Exception {
        OperatorCli.send(
                dev.port(),
                "wk_shop",
                "track",
                "{\"userId\":\"%s\",\"event\":\"Order Completed\",\"messageId\":\"%s\"}".formatted(userId, messageId));
    }

    private static Run run(String... args) {
        return OperatorCli.run(dev.bootstrapServers(), args);
    }
}
