/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.ingest;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: a bare KafkaProducer with the tracking API's own producer settings (acks=all,
 * idempotence, lz4 unless told otherwise, linger 1 ms, 64 KB batches) writing the same events, wrapped in the same
 * {@code RawCall} records, to the same topic, with a bounded number of records in flight.
 */
final class RawProducerLoad {

    private final String bootstrapServers;
    private final List<byte[]> values = new ArrayList<>();
    private final List<byte[]> keys = new ArrayList<>();

    private final String compression;

    RawProducerLoad(String bootstrapServers, Payloads payloads, String compression) {
        this.bootstrapServers = bootstrapServers;
        this.compression = compression;
        for (String event : payloads.events()) {
            String messageId = event.substring(event.indexOf("node-next-"), event.indexOf("node-next-") + 46);
            RawCall call = RawCall.newBuilder()
                    .setPayload(event)
                    .setMessageId(messageId)
                    .setReceivedAt(Instant.now())
                    .setWorkspaceId("bench")
                    .setSourceId("bench")
                    .setIp("127.0.0.1")
                    .setUserAgent("bench")
                    .setPath("/v1/batch")
                    .build();
            values.add(Topics.INGEST_RAW.valueSerde().serializer().serialize(Topics.INGEST_RAW.name(), call));
            keys.add(Payloads.userOf(event).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A producer with the tracking API's settings (acks=all, idempotent, linger 1 ms, 64 KB batches). */
    KafkaProducer<byte[], byte[]> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends the {@code i}-th pre-encoded record (cycling through them), keyed by its user. */
    void send(KafkaProducer<byte[], byte[]> producer, long i, Callback callback) {
        int n = (int) (i % values.size());
        producer.send(new ProducerRecord<>(Topics.INGEST_RAW.name(), keys.get(n), values.get(n)), callback);
    }

    Result run(String name, int maxInFlight, Duration warmup, Duration measure) throws InterruptedException {
        ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Semaphore window = new Semaphore(maxInFlight);
        try (KafkaProducer<byte[], byte[]> producer = newProducer()) {
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long end = measureFrom + measure.toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                window.acquire();
                long sent = System.nanoTime();
                send(producer, i, (m, e) -> {
                    window.release();
                    if (sent < measureFrom) {
                        return;
                    }
                    if (e != null) {
                        failed.incrementAndGet();
                    } else {
                        acked.incrementAndGet();
                        latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    }
                });
            }
            window.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - measureFrom) / 1e9;
            return new Result(name, acked.get(), seconds, latency, failed.get());
        }
    }
}
