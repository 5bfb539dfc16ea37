/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.tracking.calls.BodyParser;
import dev.switchboard.tracking.calls.CallSplitter;
import dev.switchboard.tracking.calls.Json;
import dev.switchboard.tracking.calls.SplitResult;
import dev.switchboard.tracking.produce.IngestProducer.KeyedRecord;
import dev.switchboard.tracking.produce.Records;
import dev.switchboard.tracking.produce.RequestMeta;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU cost of the tracking API's per-request work without HTTP or Kafka: parse a 100-event batch,
 * split and merge it, and Avro-encode its {@code RawCall}s. Run it with
 * {@code -Dexec.mainClass=org.openjdk.jmh.Main -Dexec.args="IngestPathBenchmark -f 0 -wi 3 -i 5"}, or
 * as a main class of its own for the thread CPU time per batch ({@link #main}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IngestPathBenchmark {

    private final BodyParser parser = new BodyParser(Json.mapper());
    private final CallSplitter splitter = new CallSplitter(Json.mapper(), 32 * 1024, 2500);
    private final Serializer<RawCall> serializer =
            Topics.INGEST_RAW.valueSerde().serializer();
    private final RequestMeta meta =
            new RequestMeta(Instant.now(), "bench", "bench", "127.0.0.1", "bench", "/v1/batch");
    private byte[] body;

    @Setup
    public void setUp() {
        body = new Payloads(100, 42).batch(0, 100);
    }

    /** One 100-event batch from bytes to encoded records. */
    @Benchmark
    public void batchOf100(Blackhole hole) throws Exception {
        hole.consume(encodeBatch());
    }

    /** Parses, splits and Avro-encodes the batch; the encoded bytes' total, so nothing is optimised away. */
    long encodeBatch() throws Exception {
        BodyParser.ParsedBody parsed = parser.parse(body);
        SplitResult result = splitter.batch(parsed);
        long bytes = 0;
        for (KeyedRecord<RawCall> record : Records.rawCalls(result.accepted(), meta)) {
            bytes += serializer.serialize(Topics.INGEST_RAW.name(), record.value()).length;
        }
        return bytes;
    }

    /**
     * The same work timed in thread CPU time rather than wall time, which a busy shared machine
     * distorts far less: {@code rounds} (default 6) of 2,000 batches, the first two not reported.
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        IngestPathBenchmark bench = new IngestPathBenchmark();
        bench.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            int batches = 2000;
            long cpu = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < batches; i++) {
                sink += bench.encodeBatch();
            }
            cpu = threads.getCurrentThreadCpuTime() - cpu;
            if (round >= 2) {
                System.out.printf("round %d: %.1f us CPU per 100-event batch%n", round, cpu / 1000.0 / batches);
            }
        }
        System.out.println("(" + sink + " bytes encoded)");
    }
}
