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
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
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

    /**
     * Writes the calls and rejections of one request; completes when all are acknowledged, or fails
     * with the first error. One {@link RequestAcks} counts the request's acknowledgements.
     */
    public CompletableFuture<Void> send(List<KeyedRecord<RawCall>> calls, List<KeyedRecord<Rejected>> rejected) {
        RequestAcks acks = new RequestAcks(calls.size() + rejected.size());
        for (KeyedRecord<RawCall> call : calls) {
            send(Topics.INGEST_RAW, call, acks);
        }
        for (KeyedRecord<Rejected> r : rejected) {
            send(Topics.REJECTED, r, acks);
        }
        return acks;
    }

    private <V> void send(Topic<String, V> topic, KeyedRecord<V> record, RequestAcks acks) {
        try {
            byte[] key =
                    record.key() == null ? null : topic.keySerde().serializer().serialize(topic.name(), record.key());
            byte[] value = topic.valueSerde().serializer().serialize(topic.name(), record.value());
            producer.send(new ProducerRecord<>(topic.name(), key, value), acks);
        } catch (RuntimeException e) {
            acks.completeExceptionally(e);
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /**
     * The acknowledgements of one request: the producer's callback for each of its records, and the
     * future that completes when the last one arrives (or fails with the first error).
     */
    static final class RequestAcks extends CompletableFuture<Void> implements Callback {

        private final AtomicInteger pending;

        RequestAcks(int records) {
            this.pending = new AtomicInteger(records);
            if (records == 0) {
                complete(null);
            }
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null) {
                completeExceptionally(error);
            } else if (pending.decrementAndGet() == 0) {
                complete(null);
            }
        }
    }

    /**
     * A value with its partition key.
     *
     * @param <V> the record type
     */
    public record KeyedRecord<V>(String key, V value) {}
}
