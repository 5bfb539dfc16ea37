/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.workspace.ConfigTopic;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly once across a crash: two router processes share the work of {@code sb.ingest.raw}; one is
 * killed with SIGKILL (no commit, no flush, no close) in the middle of the stream and restarted on
 * its state directory while calls keep coming. Read with read_committed, {@code sb.events} holds
 * every call once and {@code sb.dest.<id>} one request per call, once: nothing lost, nothing twice.
 */
class RouterCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(RouterCrashIT.class);
    private static final int COUNT = 3_000;
    private static final int WARM_UP = 200;
    private static final int USERS = 200;
    private static final int PARTITIONS = 4;
    private static final String APPLICATION_ID = "sb-router-crash-it";
    private static final String WORKSPACE = "crash";
    private static final String SOURCE = "web";
    private static final String DESTINATION = "crash-echo";
    private static final String WORKSPACE_YAML =
            """
            workspace: crash
            sources:
              - id: web
                writeKey: wk_crash
            destinations:
              - id: crash-echo
                type: echo
                settings: { url: "http://127.0.0.1:9/crash" }
            connections:
              - { source: web, destination: crash-echo }
            """;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path LOGS = Path.of("target", "router-crash-it");

    @TempDir
    Path stateRoot;

    @RegisterExtension
    final EmbeddedKafkaExtension kafka =
            EmbeddedKafkaExtension.withCoreTopics(PARTITIONS).withDestinations(DESTINATION);

    private CommittedTopics topics;
    private final List<Process> children = new ArrayList<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void startBroker() throws IOException {
        topics = new CommittedTopics(kafka.bootstrapServers());
        EmbeddedKafka.deleteRecursively(LOGS);
        Files.createDirectories(LOGS);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        // Children first, even when the test failed: no JVM may outlive the test.
        for (Process p : children) {
            p.destroyForcibly();
        }
        for (Process p : children) {
            p.waitFor(30, TimeUnit.SECONDS);
        }
        background.shutdownNow();
        background.awaitTermination(30, TimeUnit.SECONDS);
        if (topics != null) {
            topics.close();
        }
    }

    @Test
    void shouldArchiveAndMapEveryEventExactlyOnceWhenAnInstanceIsKilledMidStreamAndRestarted() throws Exception {
        // Given a workspace whose source feeds one echo destination
        publishWorkspace();
        // and two router processes of one application, each holding some partitions
        Process a = startRouter("router-a");
        startRouter("router-b");
        CommittedTopics.Member killedMember = awaitBothHoldPartitions(null);
        // and warmed up by the first calls (user-agent rules loaded, code compiled), so that later
        // calls are archived about as fast as they come
        produce(0, WARM_UP, null);
        await().atMost(PATIENCE).until(() -> topics.readCommitted(Topics.EVENTS).size() == WARM_UP);

        // When the other calls, with distinct messageIds over many user keys, are produced in the background
        CountDownLatch killed = new CountDownLatch(1);
        Future<?> producing = background.submit(() -> produce(WARM_UP, COUNT, killed));
        // and router-a is killed with no clean shutdown while events flow
        await().atMost(PATIENCE).until(() -> topics.endOffsetSum(Topics.EVENTS.name()) >= WARM_UP + 300);
        a.destroyForcibly();
        assertThat(a.waitFor(30, TimeUnit.SECONDS)).as("router-a died").isTrue();
        int archivedAtKill = topics.readCommitted(Topics.EVENTS).size();
        killed.countDown();
        // and restarted on its state directory while the calls keep coming
        startRouter("router-a");
        producing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        awaitBothHoldPartitions(killedMember.memberId());
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> topics.caughtUp(APPLICATION_ID, Topics.INGEST_RAW.name()));

        // Then router-a really died of SIGKILL, in the middle of the stream
        assertThat(a.exitValue()).as("exit status of a SIGKILLed process").isEqualTo(128 + 9);
        LOG.info(
                "router-a killed holding partitions {} with {} of {} events archived; {} aborted records on"
                        + " sb.events (written by the killed transaction, redone after the restart)",
                killedMember.partitions(),
                archivedAtKill,
                COUNT,
                topics.readUncommitted(Topics.EVENTS).size() - COUNT);
        assertThat(archivedAtKill).isLessThan(COUNT);
        // and sb.events holds every call exactly once
        Set<String> expected =
                IntStream.range(0, COUNT).mapToObj(RouterCrashIT::messageId).collect(Collectors.toSet());
        assertExactlyOnce(
                "sb.events",
                topics.readCommitted(Topics.EVENTS).stream()
                        .map(r -> r.value().getMessageId())
                        .toList(),
                expected);
        // and sb.dest.<id> one request per call, exactly once
        List<ConsumerRecord<String, DestinationRequest>> requests =
                topics.readCommitted(Topics.destination(DESTINATION));
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.value().getMessageIds()).hasSize(1));
        assertExactlyOnce(
                "sb.dest." + DESTINATION,
                requests.stream().map(r -> r.value().getMessageIds().get(0)).toList(),
                expected);
        // and nothing was rejected on the way
        assertThat(topics.readCommitted(Topics.REJECTED)).isEmpty();
    }

    private static void assertExactlyOnce(String topic, List<String> messageIds, Set<String> expected) {
        Map<String, Long> counts =
                messageIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> twice = counts.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue())
                .sorted()
                .toList();
        List<String> missing =
                expected.stream().filter(id -> !counts.containsKey(id)).sorted().toList();
        List<String> unexpected = counts.keySet().stream()
                .filter(id -> !expected.contains(id))
                .sorted()
                .toList();
        assertThat(twice).as("messageIds more than once on %s", topic).isEmpty();
        assertThat(missing).as("messageIds missing from %s", topic).isEmpty();
        assertThat(unexpected).as("unknown messageIds on %s", topic).isEmpty();
        assertThat(messageIds).hasSize(expected.size());
    }

    /**
     * Waits until router-a and router-b each hold at least one input partition, and the killed
     * member ({@code goneMemberId}, when not null) has left the group; returns router-a's member.
     */
    private CommittedTopics.Member awaitBothHoldPartitions(String goneMemberId) {
        // The group does not exist until the first member joins: keep asking.
        return await()
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> topics.members(APPLICATION_ID, Topics.INGEST_RAW.name()),
                        members -> members.size() == 2
                                && members.stream().noneMatch(m -> m.memberId().equals(goneMemberId))
                                && members.stream()
                                        .allMatch(m -> !m.partitions().isEmpty())
                                && members.stream().anyMatch(m -> m.clientId().startsWith("router-b-")))
                .stream()
                .filter(m -> m.clientId().startsWith("router-a-"))
                .findFirst()
                .orElseThrow();
    }

    private Process startRouter(String clientId) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stateDir = stateRoot.resolve(clientId);
        Process p = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        // C1 only: the child starts faster on a small box, and throughput is not the point here.
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RouterChild.class.getName(),
                        kafka.bootstrapServers(),
                        APPLICATION_ID,
                        stateDir.toString(),
                        clientId)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        LOGS.resolve(clientId + ".log").toFile()))
                .start();
        children.add(p);
        return p;
    }

    private void publishWorkspace() throws Exception {
        var parsed = WorkspaceConfigParser.parseYaml(WORKSPACE_YAML, "crash-it", name -> null);
        ConfigTopic.publish(kafka.bootstrapServers(), Map.of(), parsed.config());
    }

    /**
     * Produces calls {@code from} to {@code to} (exclusive), about 500 a second; from two thirds of
     * {@link #COUNT} on it waits for {@code killed} (when given), so calls are still arriving while
     * the group rebalances and the killed router comes back.
     */
    private Void produce(int from, int to, CountDownLatch killed) throws Exception {
        try (KafkaProducer<String, RawCall> producer = new KafkaProducer<>(
                producerProperties(),
                Topics.INGEST_RAW.keySerde().serializer(),
                Topics.INGEST_RAW.valueSerde().serializer())) {
            for (int i = from; i < to; i++) {
                if (killed != null && i == 2 * COUNT / 3) {
                    producer.flush();
                    assertThat(killed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                            .as("router-a killed")
                            .isTrue();
                }
                String user = "user-" + (i % USERS);
                Instant now = Instant.now();
                producer.send(new ProducerRecord<>(
                        Topics.INGEST_RAW.name(), null, now.toEpochMilli(), user, call(i, user, now)));
                if (i % 10 == 0) {
                    Thread.sleep(20);
                }
            }
            producer.flush();
        }
        return null;
    }

    private static RawCall call(int i, String user, Instant receivedAt) {
        String payload = "{\"type\":\"track\",\"event\":\"Order Completed\",\"userId\":\"" + user
                + "\",\"messageId\":\"" + messageId(i) + "\",\"timestamp\":\"" + receivedAt
                + "\",\"properties\":{\"orderId\":\"o-" + i + "\",\"total\":" + (i % 100) + ".5}}";
        return RawCall.newBuilder()
                .setPayload(payload)
                .setMessageId(messageId(i))
                .setReceivedAt(receivedAt)
                .setSentAt(receivedAt.toString())
                .setWorkspaceId(WORKSPACE)
                .setSourceId(SOURCE)
                .setIp("203.0.113.7")
                .setUserAgent("analytics-java/3.5.4")
                .setPath("/v1/track")
                .build();
    }

    private static String messageId(int i) {
        return "crash-" + i;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }
}
