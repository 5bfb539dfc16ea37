/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the ITs write to a running router (a workspace on {@code sb.config}, calls on {@code sb.ingest.raw}) and read back. */
final class RouterInputs {

    private RouterInputs() {}

    /** Publishes the workspace {@code yaml} (its {@code ${VAR}}s from {@code env}) as workspace {@code acme}. */
    static void publish(EmbeddedKafka kafka, String yaml, UnaryOperator<String> env) throws Exception {
        var config = WorkspaceConfigParser.parseYaml(yaml, "it", env).config();
        try (KafkaProducer<String, ConfigRecord> p = new KafkaProducer<>(
                producerProps(kafka),
                Topics.CONFIG.keySerde().serializer(),
                Topics.CONFIG.valueSerde().serializer())) {
            p.send(new ProducerRecord<>(
                            Topics.CONFIG.name(),
                            "acme",
                            new ConfigRecord("acme", Instant.now(), WorkspaceConfigParser.toDocument(config))))
                    .get();
        }
    }

    /** Writes one call of source {@code web} of workspace {@code acme}, as the tracking API does. */
    static void send(EmbeddedKafka kafka, String key, String messageId, String payload) throws Exception {
        RawCall raw = RawCall.newBuilder()
                .setPayload(payload)
                .setMessageId(messageId)
                .setReceivedAt(Instant.now())
                .setSentAt(null)
                .setWorkspaceId("acme")
                .setSourceId("web")
                .setIp(null)
                .setUserAgent(null)
                .setPath("/v1/track")
                .build();
        try (KafkaProducer<String, RawCall> p = new KafkaProducer<>(
                producerProps(kafka),
                Topics.INGEST_RAW.keySerde().serializer(),
                Topics.INGEST_RAW.valueSerde().serializer())) {
            p.send(new ProducerRecord<>(Topics.INGEST_RAW.name(), key, raw)).get();
        }
    }

    /** The body of a destination request, as text. */
    static String body(DestinationRequest r) {
        byte[] b = new byte[r.getBody().remaining()];
        r.getBody().duplicate().get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> producerProps(EmbeddedKafka kafka) {
        return Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all");
    }
}
