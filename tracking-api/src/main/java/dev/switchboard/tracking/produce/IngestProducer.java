/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.produce;

import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one producer of the tracking API: idempotent, {@code acks=all}, shared by every request. A
 * request's future completes only when every record it wrote is acknowledged, and fails (never hangs)
 * when one is not: {@code max.block.ms} and {@code delivery.timeout.ms} bound both waits.
 */
public final class IngestProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;

    public IngestProducer(String bootstrapServers, Map<String, String> overrides) {
        this.producer = new KafkaProducer<>(
                properties(bootstrapServers, overrides), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The producer settings: safe defaults, then {@code kafka.producer.*} overrides (acks stays all). */
    public static Properties properties(String bootstrapServers, Map<String, String> overrides) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "switchboard-tracking-api");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        p.putAll(overrides);
        // A 200 promises durability: these two are not negotiable.
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return p;
    }

    /** Writes the calls and rejections of one request; completes when all are acknowledged. */
    public CompletableFuture<Void> send(List<KeyedRecord<RawCall>> calls, List<KeyedRecord<Rejected>> rejected) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[calls.size() + rejected.size()];
        int i = 0;
        for (KeyedRecord<RawCall> call : calls) {
            acks[i++] = send(Topics.INGEST_RAW, call);
        }
        for (KeyedRecord<Rejected> r : rejected) {
            acks[i++] = send(Topics.REJECTED, r);
        }
        return CompletableFuture.allOf(acks);
    }

    private <V> CompletableFuture<Void> send(Topic<String, V> topic, KeyedRecord<V> record) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            byte[] key =
                    record.key() == null ? null : topic.keySerde().serializer().serialize(topic.name(), record.key());
            byte[] value = topic.valueSerde().serializer().serialize(topic.name(), record.value());
            producer.send(new ProducerRecord<>(topic.name(), key, value), (metadata, error) -> {
                if (error == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /**
     * A value with its partition key.
     *
     * @param <V> the record type
     */
    public record KeyedRecord<V>(String key, V value) {}
}
