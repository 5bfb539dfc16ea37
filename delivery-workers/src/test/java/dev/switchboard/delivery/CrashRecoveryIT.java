/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.delivery.testing.BrokerTestBase;
import dev.switchboard.delivery.testing.DeliveryChild;
import dev.switchboard.delivery.testing.FakeDestination;
import dev.switchboard.delivery.testing.FakeDestination.Reply;
import dev.switchboard.delivery.testing.Requests;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DeliveryStatus;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A delivery process killed mid-stream (SIGKILL, no shutdown) and restarted loses nothing. */
class CrashRecoveryIT extends BrokerTestBase {

    private static final int COUNT = 300;

    @Test
    void shouldLoseNothingAndDuplicateOnlyUncommittedRequestsWhenTheWorkerIsKilledAndRestarted() throws Exception {
        // Given a slow destination, its config on sb.config, and requests waiting
        FakeDestination server = server(new FakeDestination(r -> {
            sleep(20);
            return Reply.of(200);
        }));
        String id = newId("crash");
        admin.createDestinations(List.of(id));
        WorkspaceConfig workspace = Requests.workspace("ws-crash", Requests.destination(id, null));
        topics.send(
                Topics.CONFIG,
                "ws-crash",
                new ConfigRecord("ws-crash", Instant.now(), WorkspaceConfigParser.toDocument(workspace)));
        send(
                id,
                IntStream.range(0, COUNT)
                        .mapToObj(i -> Requests.single(id, server.url("/c"), id + "-m" + i))
                        .toList(),
                10);

        // When a delivery process is killed without shutdown in the middle of the stream
        Process child = startChild();
        try {
            await().until(() -> server.received().size() >= COUNT / 3);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        Map<Integer, Long> committedAtKill = committedOffsets(id);
        int receivedAtKill = server.received().size();
        // and a new one starts
        view.put(workspace);
        startApp(fastConfig(Map.of("switchboard.delivery.max-in-flight", "4")));

        // Then every request is delivered and recorded
        await().until(() -> server.received().stream()
                        .map(r -> r.header("Idempotency-Key"))
                        .distinct()
                        .count()
                == COUNT);
        await().until(() -> outcomes(id).stream()
                        .filter(o -> o.getStatus() == DeliveryStatus.DELIVERED)
                        .flatMap(o -> o.getMessageIds().stream())
                        .distinct()
                        .count()
                == COUNT);
        assertThat(receivedAtKill).isLessThan(COUNT);
        assertThat(committedAtKill.values().stream().mapToLong(Long::longValue).sum())
                .isPositive();
        // each call carries its messageId, as Idempotency-Key and in the body
        assertThat(server.received()).allSatisfy(r -> assertThat(r.body()).contains(r.header("Idempotency-Key")));
        // and only requests the killed process had not committed were sent twice
        int duplicates = assertOnlyUncommittedRequestsWereRepeated(id, server, committedAtKill);
        LoggerFactory.getLogger(CrashRecoveryIT.class)
                .info("killed after {} calls; {} duplicates after restart", receivedAtKill, duplicates);
        List<DeliveryOutcome> outcomes = outcomes(id);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.getStatus()).isEqualTo(DeliveryStatus.DELIVERED));
    }

    private static int assertOnlyUncommittedRequestsWereRepeated(
            String id, FakeDestination server, Map<Integer, Long> committedAtKill) {
        Map<String, ConsumerRecord<String, DestinationRequest>> byMessageId =
                topics.readAll(Topics.destination(id)).stream()
                        .collect(Collectors.toMap(r -> r.value().getMessageIds().get(0), r -> r));
        Map<String, Long> calls = server.received().stream()
                .collect(Collectors.groupingBy(r -> r.header("Idempotency-Key"), Collectors.counting()));
        List<String> duplicates = calls.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();
        assertThat(duplicates).allSatisfy(m -> {
            ConsumerRecord<String, DestinationRequest> r = byMessageId.get(m);
            assertThat(r.offset()).isGreaterThanOrEqualTo(committedAtKill.getOrDefault(r.partition(), 0L));
        });
        assertThat(calls.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        return duplicates.size();
    }

    private Process startChild() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "crash-child.log").toFile();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        DeliveryChild.class.getName(),
                        kafka.bootstrapServers(),
                        "switchboard.delivery.max-in-flight=4",
                        "switchboard.delivery.commit-interval=50ms",
                        // The restarted worker joins the same group: let the broker notice the dead one in 6 s.
                        "kafka.consumer.session.timeout.ms=6000")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static Map<Integer, Long> committedOffsets(String id) {
        Map<Integer, Long> out = new HashMap<>();
        for (int p = 0; p < 2; p++) {
            out.put(p, topics.committedAt("sb-delivery-" + id, "sb.dest." + id, p));
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
