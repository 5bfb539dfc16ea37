/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import ch.qos.logback.classic.Level;
import dev.switchboard.bench.broker.BenchBroker;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.tracking.TrackingApiApp;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.workspace.ConfigTopic;
import dev.switchboard.workspace.KafkaConfigView;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The ingest load run. Options ({@code key=value} arguments): {@code seconds} measured per phase
 * (default 8), {@code warmup} seconds (2), {@code connections} (32), {@code batch} events per batch
 * (100), {@code partitions} of the topics (4), {@code raw=false} to skip the baseline, {@code compression} of both
 * producers (lz4, the API's default), {@code broker} ({@code forked}, the default: an embedded broker in a
 * JVM of its own, or {@code in-process}), and any {@code kafka.*} or {@code switchboard.*} setting of
 * the tracking API (e.g. {@code kafka.producer.linger.ms=0}). Phases, all against one broker on 127.0.0.1:
 * raw producer, the HTTP floor ({@link HttpFloor}), {@code /v1/batch}, single {@code /v1/track} at the highest rate, and single calls
 * paced at half that rate. About 5 × (warmup + seconds) + 10 s in all.
 */
public final class IngestBenchmark {

    private static final String WRITE_KEY = "wk_bench_0123456789abcdef012345";

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        quietLogs();
        Map<String, String> options = parse(args);
        Settings settings = new Settings(
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "8"))),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "2"))),
                Integer.parseInt(options.getOrDefault("connections", "32")),
                Integer.parseInt(options.getOrDefault("batch", "100")),
                Integer.parseInt(options.getOrDefault("partitions", "4")),
                !options.getOrDefault("raw", "true").equals("false"),
                options.getOrDefault("compression", "lz4"));
        System.out.printf(
                Locale.ROOT,
                "ingest bench: %d connections, %d events/batch, %d partitions, %s warmup + %s per phase, %d cores%n",
                settings.connections(),
                settings.batch(),
                settings.partitions(),
                settings.warmup(),
                settings.measure(),
                Runtime.getRuntime().availableProcessors());
        Payloads payloads = new Payloads(10_000, 42);
        try (BenchBroker kafka = BenchBroker.start(options.getOrDefault("broker", "forked"))) {
            prepare(kafka.bootstrapServers(), settings.partitions());
            RawProducerLoad records = new RawProducerLoad(kafka.bootstrapServers(), payloads, settings.compression());
            Result raw = settings.raw()
                    ? records.run(
                            "raw KafkaProducer (acks=all)",
                            settings.connections() * settings.batch(),
                            settings.warmup(),
                            settings.measure())
                    : skipped("raw KafkaProducer");
            print(raw);
            Result floor = settings.raw() ? floor(records, payloads, settings) : skipped("HTTP floor");
            print(floor);
            TrackingApiConfig config = TrackingApiConfig.defaults()
                    .withPort(0)
                    .with("kafka.producer.compression.type", settings.compression());
            for (Map.Entry<String, String> o : options.entrySet()) {
                if (o.getKey().startsWith("kafka.") || o.getKey().startsWith("switchboard.")) {
                    config = config.with(o.getKey(), o.getValue()); // e.g. kafka.producer.linger.ms=0
                }
            }
            try (KafkaConfigView view = new KafkaConfigView(kafka.bootstrapServers(), "bench-config").start();
                    TrackingApiApp app = new TrackingApiApp(
                            config,
                            kafka.bootstrapServers(),
                            view,
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
                view.awaitLoaded(Duration.ofSeconds(30));
                runHttp(app.start(), payloads, settings, raw, floor);
            }
        }
    }

    private static Result skipped(String name) {
        return new Result(name + " (skipped)", 0, 1, new org.HdrHistogram.Histogram(3), 0);
    }

    /** Bodies are built before the run, so that the load generator spends its CPU on HTTP only. */
    private static byte[][] batchBodies(Payloads payloads, Settings s) {
        byte[][] bodies = new byte[64][];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = payloads.batch(i * s.batch(), s.batch());
        }
        return bodies;
    }

    /** The same batch requests against {@link HttpFloor}: HTTP and Kafka with none of the API's work. */
    private static Result floor(RawProducerLoad records, Payloads payloads, Settings s) throws Exception {
        byte[][] bodies = batchBodies(payloads, s);
        try (HttpFloor floor = new HttpFloor(records, s.batch());
                HttpLoad http = new HttpLoad(floor.start(), s.connections(), "Basic none")) {
            return http.closedLoop(
                    "HTTP floor (" + s.batch() + " ev)",
                    "/v1/batch",
                    i -> bodies[i % bodies.length],
                    s.batch(),
                    s.connections(),
                    s.warmup(),
                    s.measure());
        }
    }

    private static void runHttp(int port, Payloads payloads, Settings s, Result raw, Result floor)
            throws InterruptedException {
        byte[][] batchBodies = batchBodies(payloads, s);
        byte[][] singleBodies = payloads.events().stream()
                .map(e -> e.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        String auth = "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        try (HttpLoad http = new HttpLoad(port, s.connections(), auth)) {
            Result batches = http.closedLoop(
                    "POST /v1/batch (" + s.batch() + " ev)",
                    "/v1/batch",
                    i -> batchBodies[i % batchBodies.length],
                    s.batch(),
                    s.connections(),
                    s.warmup(),
                    s.measure());
            print(batches);
            Result singles = http.closedLoop(
                    "POST /v1/track (max rate)",
                    "/v1/track",
                    i -> singleBodies[i % singleBodies.length],
                    1,
                    s.connections(),
                    s.warmup(),
                    s.measure());
            print(singles);
            double half = singles.eventsPerSecond() / 2;
            Result paced = http.paced(
                    String.format(Locale.ROOT, "POST /v1/track (paced %.0f/s)", half),
                    "/v1/track",
                    i -> singleBodies[i % singleBodies.length],
                    half,
                    s.warmup(),
                    s.measure());
            print(paced);
            System.out.printf(
                    Locale.ROOT,
                    "ratio batch ingest / raw producer: %.2f%n",
                    batches.eventsPerSecond() / raw.eventsPerSecond());
            System.out.printf(
                    Locale.ROOT,
                    "ratio HTTP floor / raw producer: %.2f (the most any HTTP ingest reaches here)%n"
                            + "ratio batch ingest / HTTP floor: %.2f (the cost of the API's own work)%n",
                    floor.eventsPerSecond() / raw.eventsPerSecond(),
                    batches.eventsPerSecond() / floor.eventsPerSecond());
            System.out.printf(
                    Locale.ROOT,
                    "ratio single ingest / raw producer: %.2f%n",
                    singles.eventsPerSecond() / raw.eventsPerSecond());
            System.out.printf(
                    Locale.ROOT,
                    "single-call p99 at half the max rate: %.2f ms%n",
                    paced.latencyMicros().getValueAtPercentile(99) / 1000.0);
        }
    }

    /** The run's options. */
    private record Settings(
            Duration measure,
            Duration warmup,
            int connections,
            int batch,
            int partitions,
            boolean raw,
            String compression) {}

    private static void prepare(String bootstrapServers, int partitions) {
        try (TopicAdmin admin = new TopicAdmin(bootstrapServers, partitions, (short) 1)) {
            admin.createCore();
        }
        WorkspaceConfig workspace = new WorkspaceConfig(
                "bench", List.of(new SourceConfig("bench", "Bench", List.of(WRITE_KEY), null)), List.of(), List.of());
        ConfigTopic.publish(bootstrapServers, Map.of(), workspace);
    }

    private static void print(Result result) {
        System.out.println(result.line());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            options.put(arg.substring(0, eq).replaceFirst("^--", ""), arg.substring(eq + 1));
        }
        return options;
    }

    private static void quietLogs() {
        for (String name : List.of(
                "org.apache.kafka", "kafka", "state.change.logger", "io.vertx", "io.netty", "dev.switchboard")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
        }
    }
}
