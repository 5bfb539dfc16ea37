/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.testing.EchoMapper;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.workspace.ConfigTopic;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

/** What the ITs write to a running router (a workspace on {@code sb.config}, calls on {@code sb.ingest.raw}) and read back. */
final class RouterInputs {

    private RouterInputs() {}

    /** Creates the core topics and those of {@code destinations} (2 partitions, 1 replica). */
    static void createTopics(EmbeddedKafka kafka, List<String> destinations) throws Exception {
        try (TopicAdmin topics = new TopicAdmin(kafka.bootstrapServers(), 2, (short) 1)) {
            topics.createCore();
            topics.createDestinations(destinations);
        }
    }

    /** A started router with the echo mapper and an in-memory dedupe store, once it is RUNNING. */
    static RouterApp startRouter(EmbeddedKafka kafka, String applicationId, Path stateDir) {
        RouterApp router = new RouterApp(
                RouterConfig.from(Map.of(
                        RouterConfig.APPLICATION_ID.key(),
                        applicationId,
                        RouterConfig.STATE_DIR.key(),
                        stateDir.toString(),
                        RouterConfig.DEDUPE_STORE.key(),
                        "in_memory")),
                kafka.bootstrapServers(),
                MapperRegistry.of(List.of(new EchoMapper())));
        try {
            router.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> router.state() == KafkaStreams.State.RUNNING);
            return router;
        } catch (RuntimeException | Error e) {
            router.close();
            throw e;
        }
    }

    /** Publishes the workspace {@code yaml} (its {@code ${VAR}}s from {@code env}) as workspace {@code acme}. */
    static void publish(EmbeddedKafka kafka, String yaml, UnaryOperator<String> env) throws Exception {
        var config = WorkspaceConfigParser.parseYaml(yaml, "it", env).config();
        ConfigTopic.publish(kafka.bootstrapServers(), Map.of(), config);
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
