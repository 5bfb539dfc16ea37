/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.ArchiveHeaders;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Segment events as the router archives them on {@code sb.events}, and a producer for them. */
public final class Events implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaProducer<String, Event> producer;

    public Events(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        producer = new KafkaProducer<>(
                p,
                Topics.EVENTS.keySerde().serializer(),
                Topics.EVENTS.valueSerde().serializer());
    }

    /** A call of {@code type} with the standard fields set; {@code fields} are added on top. */
    public static ObjectNode call(String type, String messageId, String userId, Map<String, ?> fields) {
        ObjectNode e = JSON.createObjectNode();
        e.put("type", type);
        e.put("messageId", messageId);
        if (userId != null) {
            e.put("userId", userId);
        }
        e.put("anonymousId", "anon-" + messageId);
        e.put("receivedAt", Instant.now().toString());
        e.put("sentAt", Instant.now().toString());
        e.put("timestamp", Instant.now().toString());
        e.put("originalTimestamp", Instant.now().toString());
        e.set("context", JSON.valueToTree(Map.of("ip", "203.0.113.9", "library", Map.of("name", "analytics.js"))));
        fields.forEach((k, v) -> e.set(k, JSON.valueToTree(v)));
        return e;
    }

    public static ObjectNode track(String messageId, String userId, String event, Map<String, ?> properties) {
        return call("track", messageId, userId, Map.of("event", event, "properties", properties));
    }

    /** The archive record of {@code json} from {@code workspace}/{@code source}. */
    public static Event event(String workspace, String source, ObjectNode json) {
        return Event.newBuilder()
                .setMessageId(json.get("messageId").asText())
                .setType(json.get("type").asText())
                .setUserId(json.hasNonNull("userId") ? json.get("userId").asText() : null)
                .setAnonymousId(
                        json.hasNonNull("anonymousId") ? json.get("anonymousId").asText() : null)
                .setEvent(json.hasNonNull("event") ? json.get("event").asText() : null)
                .setWorkspaceId(workspace)
                .setSourceId(source)
                .setReceivedAt(Instant.parse(json.get("receivedAt").asText()))
                .setTimestamp(Instant.parse(json.get("timestamp").asText()))
                .setJson(json.toString())
                .build();
    }

    /** Sends every event, keyed by user, and waits for the broker's acknowledgements. */
    public void send(String workspace, String source, List<ObjectNode> events) {
        try {
            for (ObjectNode json : events) {
                String key = json.hasNonNull("userId")
                        ? json.get("userId").asText()
                        : json.get("anonymousId").asText();
                producer.send(new ProducerRecord<>(Topics.EVENTS.name(), key, event(workspace, source, json)));
            }
            producer.flush();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not send events", e);
        }
    }

    /** Sends one event as the router archives an event it kept from delivery ({@code why}: plan, suppressed). */
    public void sendBlocked(String workspace, String source, ObjectNode json, String why) {
        ProducerRecord<String, Event> r =
                new ProducerRecord<>(Topics.EVENTS.name(), json.get("userId").asText(), event(workspace, source, json));
        r.headers().add(ArchiveHeaders.BLOCKED, why.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer.send(r);
        producer.flush();
    }

    /** Sends bytes that are no Event at all, as a broken producer might. */
    public void sendRaw(String bootstrapServers, byte[] value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(
                p,
                new org.apache.kafka.common.serialization.ByteArraySerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.EVENTS.name(), value));
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
