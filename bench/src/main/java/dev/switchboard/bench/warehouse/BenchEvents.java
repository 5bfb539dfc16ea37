/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Segment calls as the router archives them on {@code sb.events}: tracks of a few event names with
 * a handful of properties each (text, numbers, a boolean, a nested object), and every tenth call an
 * identify with traits (so {@code identifies} and the {@code users} upsert are in the load).
 */
final class BenchEvents implements AutoCloseable {

    static final int EVENT_NAMES = 4;
    static final int PROPERTIES = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NAMES = {"Order Completed", "Product Viewed", "Signed Up", "Checkout Started"};

    private final KafkaProducer<String, Event> producer;

    BenchEvents(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        // uncompressed, as the router's producer writes sb.events (RouterConfig sets no compression)
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        producer = new KafkaProducer<>(
                p,
                Topics.EVENTS.keySerde().serializer(),
                Topics.EVENTS.valueSerde().serializer());
    }

    /**
     * Sends {@code n} calls of source {@code source} and waits for the broker's acknowledgements; a
     * send the producer gave up on fails the run (a load waiting for it would only time out).
     */
    void send(String source, int n) {
        AtomicReference<Exception> failed = new AtomicReference<>();
        Instant base = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String user = "user-" + (i % 5_000);
            Instant at = base.plusMillis(i * 37L);
            ObjectNode e = JSON.createObjectNode();
            String id = source + "-" + i;
            boolean identify = i % 10 == 9;
            e.put("type", identify ? "identify" : "track");
            e.put("messageId", id);
            e.put("userId", user);
            e.put("anonymousId", "anon-" + (i % 7_000));
            e.put("receivedAt", at.toString());
            e.put("sentAt", at.toString());
            e.put("timestamp", at.toString());
            e.put("originalTimestamp", at.toString());
            ObjectNode context = e.putObject("context");
            context.put("ip", "203.0.113." + (i % 250));
            context.putObject("library").put("name", "analytics.js").put("version", "5.2.0");
            context.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0");
            context.putObject("page").put("path", "/pricing").put("url", "https://example.com/pricing");
            if (identify) {
                e.putObject("traits")
                        .put("email", user + "@example.com")
                        .put("plan", i % 3 == 0 ? "pro" : "free")
                        .put("logins", i % 97);
            } else {
                String name = NAMES[i % EVENT_NAMES];
                e.put("event", name);
                ObjectNode p = e.putObject("properties");
                p.put("order_id", "o-" + i);
                p.put("total", (i % 1000) / 10.0);
                p.put("currency", "EUR");
                p.put("quantity", i % 9);
                p.put("coupon", i % 4 == 0 ? "WINTER" : "none");
                p.put("first_order", i % 2 == 0);
                p.put("category", "books");
                p.putObject("product").put("sku", "sku-" + (i % 300));
            }
            Event event = Event.newBuilder()
                    .setMessageId(id)
                    .setType(e.get("type").asText())
                    .setUserId(user)
                    .setAnonymousId(e.get("anonymousId").asText())
                    .setEvent(identify ? null : e.get("event").asText())
                    .setWorkspaceId("bench")
                    .setSourceId(source)
                    .setReceivedAt(at)
                    .setTimestamp(at)
                    .setJson(e.toString())
                    .build();
            producer.send(new ProducerRecord<>(Topics.EVENTS.name(), user, event), (metadata, error) -> {
                if (error != null) {
                    failed.compareAndSet(null, error);
                }
            });
        }
        producer.flush();
        if (failed.get() != null) {
            throw new IllegalStateException("the broker did not take every bench event", failed.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
