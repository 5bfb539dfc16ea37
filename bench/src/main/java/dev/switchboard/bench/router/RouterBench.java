/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.router;

import static java.util.Map.entry;

import ch.qos.logback.classic.Level;
import dev.switchboard.bench.cpu.JvmCpu;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.LoggerFactory;

/**
 * Router throughput against a bare passthrough, bounded and on 127.0.0.1 only. One embedded broker;
 * {@code events} ~1 KB track calls ({@link BenchCalls}) are written to {@code sb.ingest.raw} once,
 * then read by each application below in turn, each with its own application id and the same Kafka
 * Streams settings ({@link RouterConfig#streamsProperties}: exactly_once_v2, 100 ms commits, one
 * stream thread, acks=all). The list runs twice, a warm-up round and the measured round, so that no
 * measured run pays for compiling its code paths:
 *
 * <ol>
 *   <li>passthrough: {@code RawCall} in, the same {@code RawCall} out, with the topic's serdes;
 *   <li>router: {@link RouterApp} with the RocksDB dedupe store and one workspace whose source feeds
 *       three destinations of {@link BenchMapper}: per call one event on {@code sb.events} and one
 *       request on each {@code sb.dest.<id>};
 *   <li>archive-only: the router's stages up to the archive ({@link BenchTopologies#archiveOnly}),
 *       to tell the cost of fan-out and mapping from the rest;
 *   <li>copies-x4: each call written unchanged to four topics ({@link BenchTopologies#copies}), the
 *       Kafka I/O of one archive and three destinations without any of the router's work;
 *   <li>passthrough again: the box may be shared, so the baseline is the mean of both runs.
 * </ol>
 *
 * A run ends when the application has committed every input offset (under exactly-once its outputs
 * commit in the same transactions) or after {@link #PHASE_LIMIT}. Two rates: over the wall time from {@code start()} (startup
 * included), and between 10% and 90% of the input committed (steady state). Outputs are then
 * counted with read_committed, and the CPU per record is printed by thread group ({@link ThreadCpu}). Usage: {@code RouterBench [events [key=value ...]]} (default 100000); each
 * {@code key=value} is a router setting (e.g. {@code switchboard.router.threads=2},
 * {@code kafka.streams.producer.batch.size=131072}) applied to every run alike.
 */
public final class RouterBench {

    private static final int PARTITIONS = 4;
    /** {@code governance=on} (after N): the workspace gets {@link BenchCalls#governance}; not a router setting. */
    private static final String GOVERNANCE = "governance";

    private static final Duration PHASE_LIMIT = Duration.ofSeconds(60);
    private static final List<String> DESTINATIONS = List.of("bench-1", "bench-2", "bench-3");
    private static final List<String> COPIES =
            List.of("bench.copies.1", "bench.copies.2", "bench.copies.3", "bench.copies.4");

    private final String bootstrap;
    private final BrokerProbe probe;
    private final Path stateRoot;
    private final int events;
    private final Map<String, String> settings;

    private RouterBench(String bootstrap, BrokerProbe probe, Path stateRoot, int events, Map<String, String> settings) {
        this.bootstrap = bootstrap;
        this.probe = probe;
        this.stateRoot = stateRoot;
        this.events = events;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Map<String, String> settings = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        Path stateRoot = Files.createTempDirectory("sb-router-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                TopicAdmin admin = new TopicAdmin(kafka.bootstrapServers(), PARTITIONS, (short) 1);
                BrokerProbe probe = new BrokerProbe(kafka.bootstrapServers())) {
            admin.createCore();
            admin.createDestinations(DESTINATIONS);
            boolean governed = "on".equals(settings.remove(GOVERNANCE));
            BenchCalls.publishWorkspace(
                    kafka.bootstrapServers(),
                    DESTINATIONS,
                    BenchMapper.SLUG,
                    governed ? BenchCalls.governance(DESTINATIONS) : "");
            long t = System.nanoTime();
            long payload = BenchCalls.produce(kafka.bootstrapServers(), events);
            System.out.printf(
                    "input: %,d track calls, mean payload %d bytes, %d partitions, written in %.1f s%n",
                    events, payload, PARTITIONS, (System.nanoTime() - t) / 1e9);
            System.out.println(
                    governed
                            ? "governance: a 20-event tracking plan (omit-properties) and 5 privacy rules"
                            : "governance: none (no tracking plan, no privacy rules)");
            if (!settings.isEmpty()) {
                System.out.println("settings for every run: " + settings);
            }
            new RouterBench(kafka.bootstrapServers(), probe, stateRoot, events, settings).run();
        } finally {
            EmbeddedKafka.deleteRecursively(stateRoot);
        }
    }

    private void run() throws Exception {
        // Every application runs twice: the router's code paths (Jackson, RocksDB, the user-agent
        // parser, the mappers) are not the passthrough's, and compiling them takes a core for seconds.
        System.out.println("warm-up round, not measured:");
        round("warm-up-");
        System.out.println("measured round:");
        List<Result> results = round("");
        Result first = results.get(0);
        Result router = results.get(1);
        Result archive = results.get(2);
        Result copies = results.get(3);
        Result second = results.get(4);

        System.out.printf(
                "%n%-14s %8s %8s %10s %10s   outputs (read_committed)%n",
                "", "events", "seconds", "events/s", "steady/s");
        for (Result r : results) {
            r.print();
        }
        double wall = (first.rate() + second.rate()) / 2;
        double steady = (first.steadyRate() + second.steadyRate()) / 2;
        System.out.printf(
                "%nbaseline: passthrough mean %,.0f events/s (steady %,.0f)%n"
                        + "ratio router / passthrough:       %.2f (steady %.2f), target >= 0.40%n"
                        + "ratio archive-only / passthrough: %.2f (steady %.2f): parse, validate, enrich, dedupe,"
                        + " archive%n"
                        + "ratio copies-x4 / passthrough:    %.2f (steady %.2f): the Kafka I/O floor of 1 archive"
                        + " + 3 destinations%n",
                wall,
                steady,
                router.rate() / wall,
                router.steadyRate() / steady,
                archive.rate() / wall,
                archive.steadyRate() / steady,
                copies.rate() / wall,
                copies.steadyRate() / steady);
    }

    /** Passthrough, router, archive-only, copies-x4, passthrough again; each with its own application id. */
    private List<Result> round(String prefix) throws Exception {
        List<String> copies =
                COPIES.stream().map(t -> t.replace("bench.", "bench." + prefix)).toList();
        return List.of(
                streams(prefix + "passthrough", BenchTopologies.passthrough("bench." + prefix + "passthrough.out")),
                router(prefix + "router"),
                streams(prefix + "archive-only", BenchTopologies.archiveOnly("bench." + prefix + "archive.out")),
                streams(prefix + "copies-x4", BenchTopologies.copies(copies)),
                streams(
                        prefix + "passthrough-2",
                        BenchTopologies.passthrough("bench." + prefix + "passthrough.2.out")));
    }

    /**
     * A Kafka Streams application of the bench's own, with the router's settings; the first of
     * {@code outputs} is counted afterwards.
     */
    private Result streams(String name, Topology topology) throws Exception {
        String applicationId = "bench-" + name;
        List<String> outputs = BenchTopologies.sinkTopics(topology);
        for (String topic : outputs) {
            probe.createTopic(topic, PARTITIONS);
        }
        String output = outputs.get(0);
        try (KafkaStreams streams =
                new KafkaStreams(topology, config(applicationId).streamsProperties(bootstrap))) {
            Timing timing = measure(applicationId, streams::start, () -> streams.state() == KafkaStreams.State.RUNNING);
            streams.close(Duration.ofSeconds(30));
            return new Result(name, events, timing, Map.of(output, probe.countCommitted(output)));
        }
    }

    /** The router writes to the real topics, which both rounds share: outputs are counted as a difference. */
    private Result router(String name) throws Exception {
        String applicationId = "bench-" + name;
        List<String> topics = new java.util.ArrayList<>();
        topics.add(Topics.EVENTS.name());
        DESTINATIONS.forEach(id -> topics.add(Topics.destination(id).name()));
        topics.add(Topics.REJECTED.name());
        Map<String, Long> before = new TreeMap<>();
        for (String topic : topics) {
            before.put(topic, probe.countCommitted(topic));
        }
        try (RouterApp app =
                new RouterApp(config(applicationId), bootstrap, MapperRegistry.of(List.of(new BenchMapper())))) {
            Timing timing = measure(applicationId, app::start, () -> app.state() == KafkaStreams.State.RUNNING);
            app.close();
            Map<String, Long> outputs = new TreeMap<>();
            for (String topic : topics) {
                outputs.put(topic, probe.countCommitted(topic) - before.get(topic));
            }
            return new Result(name, events, timing, outputs);
        }
    }

    /**
     * Starts an application and times it until it has committed all input offsets, or until
     * {@link #PHASE_LIMIT} (the wall rate then extrapolates from what it committed).
     */
    private Timing measure(String applicationId, Runnable start, BooleanSupplier running) throws Exception {
        long t0 = System.nanoTime();
        long cpu0 = JvmCpu.processNanos();
        Map<String, Long> threads0 = ThreadCpu.byGroup(applicationId);
        long deadline = t0 + PHASE_LIMIT.toNanos();
        start.run();
        long runningAt = 0;
        long at10 = 0;
        long committedAt10 = 0;
        long at90 = 0;
        long committedAt90 = 0;
        long committed = 0;
        while (committed < events && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (runningAt == 0 && running.getAsBoolean()) {
                runningAt = System.nanoTime();
            }
            committed = probe.committed(applicationId, Topics.INGEST_RAW.name());
            if (at10 == 0 && committed >= events / 10) {
                at10 = System.nanoTime();
                committedAt10 = committed;
            }
            if (at90 == 0 && committed >= events * 9L / 10) {
                at90 = System.nanoTime();
                committedAt90 = committed;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "%s: %,d of %,d input records committed in %.2f s (RUNNING after %.2f s), %.2f cores busy%n",
                applicationId,
                committed,
                events,
                seconds,
                runningAt == 0 ? Double.NaN : (runningAt - t0) / 1e9,
                (JvmCpu.processNanos() - cpu0) / 1e9 / seconds);
        System.out.println("  cpu us per input record by thread group: "
                + ThreadCpu.perRecord(threads0, ThreadCpu.byGroup(applicationId), committed));
        if (at90 == 0) { // stopped by the limit: steady state up to the end
            at90 = System.nanoTime();
            committedAt90 = committed;
        }
        double wall = committed < events ? seconds * events / Math.max(committed, 1) : seconds;
        double steady = at10 > 0 && at90 > at10 ? (committedAt90 - committedAt10) / ((at90 - at10) / 1e9) : Double.NaN;
        return new Timing(wall, steady);
    }

    private RouterConfig config(String applicationId) {
        // The router's defaults, plus the settings given on the command line: the same for every run.
        Map<String, String> properties = new TreeMap<>(settings);
        properties.putAll(Map.ofEntries(
                entry(RouterConfig.APPLICATION_ID.key(), applicationId),
                entry(RouterConfig.GUARANTEE.key(), "exactly_once_v2"),
                entry(RouterConfig.DEDUPE_STORE.key(), "rocksdb"),
                entry(
                        RouterConfig.STATE_DIR.key(),
                        stateRoot.resolve(applicationId).toString())));
        return RouterConfig.from(properties);
    }

    /**
     * Wall seconds from start to the last commit, and the rate between 10% and 90% committed (or
     * the end of the phase limit).
     */
    private record Timing(double seconds, double steadyRate) {}

    /** One application's run: its rates, and what it left on its output topics. */
    private record Result(String name, int events, Timing timing, Map<String, Long> outputs) {

        /** Events over the wall time from {@code start()} to the last commit, startup included. */
        double rate() {
            return events / timing.seconds();
        }

        /** Events per second between 10% and 90% of the input committed: startup and tail left out. */
        double steadyRate() {
            return timing.steadyRate();
        }

        void print() {
            System.out.printf(
                    "%-14s %,8d %8.2f %,10.0f %,10.0f   %s%n",
                    name, events, timing.seconds(), rate(), steadyRate(), new TreeMap<>(outputs));
        }
    }
}
