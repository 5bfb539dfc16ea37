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
 * {@code -Dexec.mainClass=org.openjdk.jmh.Main -Dexec.args="IngestPathBenchmark -f 0 -wi 3 -i 5"}.
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
        BodyParser.ParsedBody parsed = parser.parse(body);
        SplitResult result = splitter.batch(parsed);
        for (KeyedRecord<RawCall> record : Records.rawCalls(result.accepted(), meta)) {
            hole.consume(serializer.serialize(Topics.INGEST_RAW.name(), record.value()));
        }
    }
}
