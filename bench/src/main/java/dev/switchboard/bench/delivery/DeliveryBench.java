/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.delivery;

import ch.qos.logback.classic.Level;
import dev.switchboard.bench.cpu.JvmCpu;
import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.ConfigSnapshot;
import dev.switchboard.workspace.ConfigView;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.LoggerFactory;

/**
 * Delivery throughput, bounded in count and time, against 127.0.0.1 only:
 *
 * <ol>
 *   <li>clients: raw loops of Vert.x's HttpClient, Netty and java.net.http posting the same bodies
 *       with the same window (16 in flight), a warm round then a measured round, and {@code wrk -t1
 *       -c16} as the machine's floor;
 *   <li>delivery: the same number of requests read from {@code sb.dest.<id>} by a {@link DeliveryApp}
 *       ({@code max.in.flight} 16), posted, and each outcome written and acknowledged before its
 *       offset is committed, compared with the fastest raw loop;
 *   <li>isolation: a healthy destination next to a neighbour that answers 503 to everything
 *       (retrying through its retry topic with 50 ms backoff), then next to one that never answers.
 * </ol>
 *
 * Rates are server-side: calls per second between the first and the last call a server received.
 * Usage: {@code DeliveryBench [requests] [clients] [worker] [isolation]} (default 10000, every phase).
 */
public final class DeliveryBench {

    private static final int WINDOW = 16;
    private static final int WRK_SECONDS = 5;
    private static final Duration PHASE_LIMIT = Duration.ofSeconds(45);

    private DeliveryBench() {}

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Set<String> phases = args.length > 1
                ? Set.of(Arrays.copyOfRange(args, 1, args.length))
                : Set.of("clients", "worker", "isolation");
        try (EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), 4, (short) 1);
                BenchServer ok = new BenchServer(200);
                BenchServer failing = new BenchServer(503);
                BenchServer hanging = new BenchServer(0)) {
            admin.createCore();
            admin.createDestinations(List.of("warm", "alone", "healthy1", "failing", "healthy2", "hanging"));
            String bootstrap = kafka.bootstrapServers();
            System.out.printf("%nrequests per run: %d, in flight %d, body %d bytes%n", n, WINDOW, body("x").length);

            Map<String, Double> raw = new LinkedHashMap<>();
            Map<String, Double> rawCpu = new LinkedHashMap<>();
            if (phases.contains("clients")) {
                for (String client : ClientLoops.CLIENTS) {
                    ClientLoops.run(client, ok, "/warm-" + client, n, WINDOW);
                }
                for (String client : ClientLoops.CLIENTS) {
                    long cpu = JvmCpu.processNanos();
                    raw.put(client, ClientLoops.run(client, ok, "/raw-" + client, n, WINDOW));
                    rawCpu.put(client, micros(JvmCpu.processNanos() - cpu, n));
                }
                double wrk = ClientLoops.wrk(ok, "/wrk", WINDOW, WRK_SECONDS);
                raw.forEach((client, rate) -> System.out.printf(
                        "raw %-6s loop (warm round)         %,8.0f req/s   CPU %5.1f µs/call%n",
                        client, rate, rawCpu.get(client)));
                System.out.println(
                        wrk < 0
                                ? "wrk: not installed (Debian: apt-get install wrk), no floor printed"
                                : String.format(
                                        "wrk -t1 -c%d -d%ds                 %,8.0f req/s%n", WINDOW, WRK_SECONDS, wrk));
            }
            String fastest = raw.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("vertx");
            if (phases.contains("worker")) {
                deliver(bootstrap, ok, n, "warm", null, null); // warm round: JIT, first Vert.x instance
                Run alone = profiled(() -> deliver(bootstrap, ok, n, "alone", null, null));
                double again = ClientLoops.run(fastest, ok, "/raw-again", n, WINDOW);
                double base = raw.getOrDefault(fastest, again);
                double vertx = raw.getOrDefault("vertx", base);
                System.out.printf(
                        "delivery worker (Kafka in and out)  %,8.0f req/s   ratio to raw vertx %.2f, to raw %s %.2f"
                                + "   (%s again after it: %,.0f, ratio %.2f)%n",
                        alone.rate(),
                        alone.rate() / vertx,
                        fastest,
                        alone.rate() / base,
                        fastest,
                        again,
                        alone.rate() / again);
                System.out.printf(
                        "  CPU %5.1f µs/call (bench JVM: worker, broker and server together)%s%n",
                        alone.cpuMicros(),
                        rawCpu.containsKey(fastest)
                                ? String.format(", %.1fx raw %s's", alone.cpuMicros() / rawCpu.get(fastest), fastest)
                                : "");
                if (phases.contains("isolation")) {
                    isolation(bootstrap, ok, failing, hanging, n, alone.rate());
                }
            }
        }
    }

    /** Phases whose rate can be profiled. */
    private interface Phase {
        Run run() throws Exception;
    }

    /**
     * A phase's server-side rate, and the bench JVM's CPU per call while it ran: every thread
     * (client, server, broker), which on a shared box compares phases better than their rates.
     */
    private record Run(double rate, double cpuMicros) {}

    private static double micros(long nanos, long calls) {
        return nanos / 1_000.0 / calls;
    }

    /**
     * Runs {@code phase}, recorded by JDK Flight Recorder (profile settings) into the file named by
     * {@code -Dbench.jfr} when that is set: the worker phase alone, without start-up and raw loops.
     */
    private static Run profiled(Phase phase) throws Exception {
        String file = System.getProperty("bench.jfr");
        if (file == null) {
            return phase.run();
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setDestination(Path.of(file));
            recording.start();
            return phase.run();
        }
    }

    private static void isolation(
            String bootstrap, BenchServer ok, BenchServer failing, BenchServer hanging, int n, double alone)
            throws InterruptedException {
        double withFailing =
                deliver(bootstrap, ok, n, "healthy1", "failing", failing).rate();
        double withHanging =
                deliver(bootstrap, ok, n, "healthy2", "hanging", hanging).rate();
        System.out.printf(
                "healthy, neighbour answering 503    %,8.0f req/s   ratio to alone %.2f   (neighbour calls: %,d)%n",
                withFailing,
                withFailing / alone,
                failing.counter("/failing").calls.get());
        System.out.printf(
                "healthy, neighbour hanging          %,8.0f req/s   ratio to alone %.2f   (neighbour calls: %,d)%n",
                withHanging,
                withHanging / alone,
                hanging.counter("/hanging").calls.get());
    }

    static byte[] body(String messageId) {
        String json = "{\"messageId\":\"" + messageId + "\",\"type\":\"track\",\"event\":\"Order Completed\","
                + "\"userId\":\"user-42\",\"properties\":{\"orderId\":\"o-1\",\"total\":42.5,\"currency\":\"EUR\","
                + "\"products\":[{\"sku\":\"a\",\"qty\":1},{\"sku\":\"b\",\"qty\":2}]},"
                + "\"context\":{\"ip\":\"203.0.113.9\",\"library\":{\"name\":\"analytics-java\",\"version\":\"3.5.1\"}},"
                + "\"timestamp\":\"2026-11-24T12:00:00.000Z\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static Run deliver(
            String bootstrap, BenchServer ok, int n, String measured, String neighbour, BenchServer neighbourServer)
            throws InterruptedException {
        produce(bootstrap, measured, ok.url("/" + measured), n);
        List<String> ids = neighbour == null ? List.of(measured) : List.of(measured, neighbour);
        if (neighbour != null) {
            produce(bootstrap, neighbour, neighbourServer.url("/" + neighbour), n);
        }
        DeliveryConfig config = DeliveryConfig.from(Map.of(
                "switchboard.delivery.max-in-flight", Integer.toString(WINDOW),
                "switchboard.delivery.backoff.base", "50ms",
                "switchboard.delivery.backoff.max", "1s",
                "switchboard.delivery.shutdown-timeout", "5s"));
        WorkspaceConfig workspace = new WorkspaceConfig(
                "bench",
                List.of(),
                ids.stream()
                        .map(id -> new DestinationConfig(id, "webhook", null, null, null))
                        .toList(),
                List.of());
        ConfigSnapshot snapshot = ConfigSnapshot.of(List.of(CompiledWorkspace.of(workspace)));
        try (DeliveryApp app = new DeliveryApp(config, bootstrap, new FixedView(snapshot), new SimpleMeterRegistry())) {
            long cpu = JvmCpu.processNanos();
            app.start();
            long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
            BenchServer.Counter c = ok.counter("/" + measured);
            while (c.calls.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (c.calls.get() < n) {
                System.out.printf("%s: only %d of %d delivered within %s%n", measured, c.calls.get(), n, PHASE_LIMIT);
            }
            return new Run(c.rate(), micros(JvmCpu.processNanos() - cpu, c.calls.get()));
        }
    }

    private static void produce(String bootstrap, String id, String url, int n) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        var topic = Topics.destination(id);
        try (var producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String messageId = id + "-" + i;
                DestinationRequest r = DestinationRequest.newBuilder()
                        .setDestinationId(id)
                        .setDestinationType("webhook")
                        .setMessageIds(List.of(messageId))
                        .setMethod("POST")
                        .setUrl(url)
                        .setHeaders(Map.of("Content-Type", "application/json", "User-Agent", "Switchboard/bench"))
                        .setBody(ByteBuffer.wrap(body(messageId)))
                        .setIdempotencyKey(messageId)
                        .setCreatedAt(Instant.now())
                        .build();
                byte[] key = ("user-" + (i % 100)).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(
                        topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), r)));
            }
            producer.flush();
        }
    }

    /** A config view that never changes. */
    private record FixedView(ConfigSnapshot current) implements ConfigView {
        @Override
        public boolean isLoaded() {
            return true;
        }

        @Override
        public void onChange(Consumer<ConfigSnapshot> listener) {
            // never changes
        }
    }
}
