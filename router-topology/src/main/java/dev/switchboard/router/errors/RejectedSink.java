/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.errors;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Rejected;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small acks=all producer for the error handlers. It writes outside the stream's transaction, so a
 * rejection is recorded at least once; the handler waits for the ack before letting the stream go on.
 */
final class RejectedSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RejectedSink.class);

    private final Map<String, Object> props = new HashMap<>();
    private KafkaProducer<String, Rejected> producer;

    RejectedSink(Map<String, ?> streamsConfig) {
        // Connection and security settings given to the application (security.protocol, sasl.*, ssl.*).
        streamsConfig.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) && v != null) {
                props.put(k, v);
            }
        });
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, streamsConfig.get("bootstrap.servers"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "sb-router-rejected-" + System.identityHashCode(this));
    }

    /** Writes and waits for the ack; false if the write failed. */
    synchronized boolean write(String key, Rejected rejected) {
        try {
            if (producer == null) {
                // Created on first use: most runs never need it.
                producer = new KafkaProducer<>(
                        props,
                        Topics.REJECTED.keySerde().serializer(),
                        Topics.REJECTED.valueSerde().serializer());
            }
            producer.send(new ProducerRecord<>(Topics.REJECTED.name(), key, rejected))
                    .get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.error("cannot write a rejection to {}", Topics.REJECTED.name(), e);
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
