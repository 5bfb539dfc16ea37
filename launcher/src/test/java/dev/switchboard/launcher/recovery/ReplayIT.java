/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.launcher.dev.DevMode;
import dev.switchboard.launcher.recovery.OperatorCli.Run;
import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DeliveryStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard replay} as an operator runs it, against a whole Switchboard (tracking API,
 * router, delivery) on an embedded broker and one HTTP server on 127.0.0.1 that records what each
 * destination receives: a window of the archive reaches the one destination named, with its mapping
 * as it is now, exactly once per replay id, across an interrupted run too; a dry run counts what the
 * real run sends; bad arguments are one line, exit code 2 and nothing written.
 */
class ReplayIT {

    private static final String WORKSPACE =
            """
            workspace: shop
            sources:
              - id: web
                writeKey: wk_shop
              - id: app
                writeKey: wk_app
            destinations:
              - id: alpha
                type: http-request
                settings: { url: "http://127.0.0.1:%1$d/%2$s" }
              - id: beta
                type: webhook
                settings: { url: "http://127.0.0.1:%1$d/beta" }
              - id: gamma
                type: webhook
                settings: { url: "http://127.0.0.1:%1$d/gamma" }
            connections:
              - source: web
                destination: alpha
            %3$s
              - source: web
                destination: beta
              - source: app
                destination: gamma
            """;
    /** The fix: alpha now drops Debug events and gets a mapped body instead of the whole event. */
    private static final String FIXED_CONNECTION =
            """
                filters:
                  - { if: 'event = "Debug"', drop: true }
                mapping:
                  send:
                    data:
                      mapping: { '@literal': v2 }
                      messageId: { '@path': $.messageId }
                      event: { '@path': $.event }
                      revenue: { '@number': { '@path': $.properties.revenue } }
            """;

    private static final List<String> WRITTEN =
            List.of("sb.dest.alpha", "sb.dest.beta", "sb.dest.gamma", Topics.REPLAYS.name(), Topics.REJECTED.name());

    @TempDir
    static Path dir;

    private static DevWithReceiver world;

    /** Request bodies by path, in arrival order. */
    private static Map<String, List<JsonNode>> received;

    private static DevMode dev;
    private static Path workspace;

    @BeforeAll
    static void start() throws Exception {
        world = new DevWithReceiver(dir, port -> WORKSPACE.formatted(port, "alpha", ""));
        received = world.received;
        dev = world.dev;
        workspace = world.workspace;
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void shouldReplayAWindowToOneDestinationWithItsCurrentMappingOncePerReplayId() throws Exception {
        // Given events before, in and after a window [T1, T2), delivered live to alpha and beta
        for (int i = 1; i <= 3; i++) {
            track("u" + i, "Order Completed", "b-" + i, "10");
        }
        Instant t1 = boundary();
        for (int i = 1; i <= 5; i++) {
            track("u" + i, "Order Completed", "w-" + i, String.valueOf(10 * i));
        }
        track("u1", "Order Completed", "w-bad-revenue", "\"lots\"");
        track("u2", "Debug", "w-debug", "0");
        Instant t2 = boundary();
        for (int i = 1; i <= 3; i++) {
            track("u" + i, "Order Completed", "a-" + i, "10");
        }
        List<String> sent = new ArrayList<>(List.of("w-bad-revenue", "w-debug"));
        for (int i = 1; i <= 5; i++) {
            sent.addAll(List.of("w-" + i, i <= 3 ? "b-" + i : "w-" + i, i <= 3 ? "a-" + i : "w-" + i));
        }
        List<String> ids = sent.stream().distinct().toList();
        assertThat(ids).hasSize(13);
        awaitLive(ids);

        // When alpha's mapping is fixed (a new URL path, a mapped body, Debug dropped) and applied
        apply("alpha-v2", FIXED_CONNECTION);
        String from = t1.toString();
        String to = t2.toString();
        String[] replayFix = {
            "replay", "--source", "web", "--from", from, "--to", to, "--destination", "alpha", "--replay-id", "rp-fix"
        };
        Map<String, Long> before = ends();
        Run dry = run("replay", "--source", "web", "--from", from, "--to", to, "--destination", "alpha", "--dry-run");

        // Then a dry run counts what would be sent, the refused event apart, and writes nothing
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out())
                .containsPattern("alpha\\s+Order Completed\\s+5")
                .contains("alpha: 1 events refused by its mapper (not sent)")
                .contains("dry run: would send 5 events; nothing written");
        assertThat(ends()).isEqualTo(before);

        // When it is replayed for real
        Run replay = run(replayFix);

        // Then alpha gets exactly the window's events with the new mapping, beta nothing more
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out())
                .containsPattern("alpha\\s+Order Completed\\s+5")
                .contains("sent 5 events (replay rp-fix)");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("/alpha-v2") == 5);
        assertThat(perMessageId("/alpha-v2")).isEqualTo(Map.of("w-1", 1L, "w-2", 1L, "w-3", 1L, "w-4", 1L, "w-5", 1L));
        assertThat(bodies("/alpha-v2")).allSatisfy(b -> {
            assertThat(b.path("mapping").asText()).isEqualTo("v2");
            assertThat(b.path("revenue").isNumber()).as("%s", b).isTrue();
            assertThat(b.has("integrations")).isFalse();
        });
        // and the dry run's counts were the real run's
        assertThat(dry.out().lines().filter(l -> l.startsWith("alpha ")).toList())
                .isEqualTo(
                        replay.out().lines().filter(l -> l.startsWith("alpha ")).toList());
        // and the refused event is on sb.rejected as the router's map stage writes it
        assertThat(read(Topics.REJECTED))
                .filteredOn(r -> "w-bad-revenue".equals(r.getMessageId()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.getStage()).isEqualTo("map");
                    assertThat(r.getCode()).isEqualTo("payload_invalid");
                    assertThat(r.getDestinationId()).isEqualTo("alpha");
                });
        // and the outcomes of the replayed requests carry the replay id
        await().atMost(Duration.ofSeconds(30))
                .until(() -> replayed("rp-fix").equals(List.of("w-1", "w-2", "w-3", "w-4", "w-5")));
        assertThat(read(Topics.DELIVERY_OUTCOMES))
                .filteredOn(o -> o.getReplayId() != null)
                .allSatisfy(o -> assertThat(o.getDestinationId()).isEqualTo("alpha"));
        Thread.sleep(2_000); // what was not sent has had time to arrive
        assertThat(countOf("/beta", ids)).isEqualTo(13);
        assertThat(countOf("/alpha", ids)).isEqualTo(13 + 5);

        // When the same replay id runs again
        Map<String, Long> afterFirst = ends();
        Run again = run(replayFix);

        // Then it sends nothing twice
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("had already gone through its window: nothing sent again");
        assertThat(ends()).isEqualTo(afterFirst);
        Thread.sleep(1_000);
        assertThat(count("/alpha-v2")).isEqualTo(5);
    }

    @Test
    void shouldResumeAnInterruptedReplayWithoutDuplicatesOrGaps() throws Exception {
        // Given a window of ten events, and alpha at a path of its own
        Instant t1 = boundary();
        for (int i = 1; i <= 10; i++) {
            track("u" + (i % 2), "Signed Up", "s-" + i, "1");
        }
        Instant t2 = boundary();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add("s-" + i);
        }
        awaitLive(ids);
        apply("alpha-slow", "");
        String[] args = {
            "replay",
            "--source",
            "web",
            "--from",
            t1.toString(),
            "--to",
            t2.toString(),
            "--destination",
            "alpha",
            "--event",
            "Signed*",
            "--rate",
            "2/s",
            "--replay-id",
            "rp-slow"
        };

        // When a slow replay is interrupted once its first events arrived
        AtomicReference<Run> first = new AtomicReference<>();
        Thread command = new Thread(() -> first.set(run(args)), "replay-command");
        command.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("/alpha-slow") > 0);
        command.interrupt();
        command.join(30_000);

        // Then it stops part way, says how far it got and how to resume
        assertThat(first.get().exit()).isEqualTo(130);
        assertThat(first.get().out()).contains("stopped after", "Resume with:", "--replay-id rp-slow");
        long sentFirst = Long.parseLong(first.get()
                .out()
                .lines()
                .filter(l -> l.startsWith("sent "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1]);
        assertThat(sentFirst).isBetween(1L, 9L);

        // When it is run again with the same replay id
        Run resumed = run(args);

        // Then every event of the window arrives exactly once
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed: window", "sent " + (10 - sentFirst) + " events");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("/alpha-slow") >= 10);
        Thread.sleep(1_000);
        Map<String, Long> expected = new TreeMap<>();
        for (int i = 1; i <= 10; i++) {
            expected.put("s-" + i, 1L);
        }
        assertThat(perMessageId("/alpha-slow")).isEqualTo(expected);
    }

    @Test
    void shouldRefuseEveryBadArgumentWithOneLineAndExitCode2AndWriteNothing() {
        List<List<String>> bad = List.of(
                List.of("replay", "--source", "nope", "--from", "-1h", "--to", "now"),
                List.of("replay", "--source", "web", "--from", "-1h", "--to", "now", "--destination", "nope"),
                List.of("replay", "--source", "web", "--from", "now", "--to", "-1h"),
                List.of("replay", "--source", "web", "--from", "yesterday-ish", "--to", "now"),
                List.of("replay", "--source", "web", "--from", "2000-01-01", "--to", "now"),
                List.of("replay", "--source", "web", "--from", "-1h", "--to", "now", "--destination", "gamma"),
                List.of("replay", "--source", "web", "--from", "-1h", "--to", "now", "--rate", "fast"),
                List.of("replay", "--source", "web", "--from", "-1h", "--to", "now", "--type", "click"),
                List.of("replay", "--source", "web", "--from", "-1h"));
        Map<String, Long> before = ends();
        for (List<String> args : bad) {
            Run r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as("%s: %s", args, r.err()).isEqualTo(2);
            assertThat(r.err().strip().lines()).as("%s", args).hasSize(1);
            assertThat(r.err()).startsWith("error: ");
        }
        assertThat(ends()).isEqualTo(before);
    }

    private static int port() {
        return world.port();
    }

    private static Run run(String... args) {
        return OperatorCli.run(dev.bootstrapServers(), args);
    }

    private static void apply(String alphaPath, String alphaConnection) throws Exception {
        Files.writeString(workspace, WORKSPACE.formatted(port(), alphaPath, alphaConnection));
        Run apply = run("config", "apply", "-f", workspace.toString());
        assertThat(apply.exit()).as(apply.err()).isZero();
    }

    /** A time strictly between the events sent before and after it, by the archive's record times. */
    private static Instant boundary() throws InterruptedException {
        Thread.sleep(50);
        Instant t = Instant.now();
        Thread.sleep(50);
        return t;
    }

    private static void track(String userId, String event, String messageId, String revenue) throws Exception {
        OperatorCli.send(
                dev.port(),
                "wk_shop",
                "track",
                "{\"userId\":\"%s\",\"event\":\"%s\",\"messageId\":\"%s\",\"properties\":{\"revenue\":%s}}"
                        .formatted(userId, event, messageId, revenue));
    }

    /** Waits until each of {@code ids} has reached alpha (at any path) and beta, live. */
    private static void awaitLive(List<String> ids) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> countOf("/alpha", ids) == ids.size() && countOf("/beta", ids) == ids.size());
    }

    /** Requests received at paths starting with {@code prefix} for one of {@code ids}. */
    private static long countOf(String prefix, List<String> ids) {
        synchronized (received) {
            return received.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(prefix))
                    .flatMap(e -> e.getValue().stream())
                    .filter(b -> ids.contains(b.path("messageId").asText()))
                    .count();
        }
    }

    private static List<JsonNode> bodies(String path) {
        return world.bodies(path);
    }

    private static int count(String path) {
        return bodies(path).size();
    }

    private static Map<String, Long> perMessageId(String path) {
        return bodies(path).stream()
                .collect(Collectors.groupingBy(b -> b.path("messageId").asText(), TreeMap::new, Collectors.counting()));
    }

    /** The messageIds of the delivered outcomes of {@code replayId}, sorted. */
    private static List<String> replayed(String replayId) {
        return read(Topics.DELIVERY_OUTCOMES).stream()
                .filter(o -> replayId.equals(o.getReplayId()) && o.getStatus() == DeliveryStatus.DELIVERED)
                .flatMap(o -> o.getMessageIds().stream())
                .sorted()
                .toList();
    }

    /** The end offsets of every topic a replay may write. */
    private static Map<String, Long> ends() {
        return CommittedRecords.ends(dev.bootstrapServers(), WRITTEN);
    }

    private static <V> List<V> read(Topic<String, V> topic) {
        return CommittedRecords.read(
                dev.bootstrapServers(), topic.name(), topic.valueSerde().deserializer());
    }
}
