/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.router;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.workspace.ConfigTopic;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The benchmark's input: analytics.js-shaped track calls of about 1 KB (product, page, campaign and
 * a browser user agent), each with its own messageId, over {@link #USERS} user keys, written to
 * {@code sb.ingest.raw} as the tracking API writes them (acks=all, idempotent, lz4, linger 5 ms);
 * and the workspace that routes them.
 */
final class BenchCalls {

    static final String WORKSPACE = "bench";
    static final String SOURCE = "web";
    static final int USERS = 10_000;

    private static final List<String> USER_AGENTS = List.of(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0"
                    + " Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/18.1 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                    + " Version/18.1 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                    + " Chrome/131.0.6778.81 Mobile Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0"
                    + " Safari/537.36 Edg/130.0.2849.80");
    private static final List<String> PRODUCTS =
            List.of("Monopoly: 3rd Edition", "Uno Deluxe", "Catan", "Ticket to Ride", "Carcassonne", "Azul");

    private BenchCalls() {}

    /** Writes {@code count} calls and waits for every ack; returns the mean payload size in bytes. */
    static long produce(String bootstrapServers, int count) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        AtomicLong bytes = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, RawCall> producer = new KafkaProducer<>(
                p,
                Topics.INGEST_RAW.keySerde().serializer(),
                Topics.INGEST_RAW.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                String user = "user-" + (i % USERS);
                Instant receivedAt = Instant.now();
                RawCall call = call(i, user, receivedAt);
                bytes.addAndGet(call.getPayload().length());
                producer.send(
                        new ProducerRecord<>(Topics.INGEST_RAW.name(), null, receivedAt.toEpochMilli(), user, call),
                        (m, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return bytes.get() / count;
    }

    /** One workspace: {@link #SOURCE} connected to one destination of type {@code slug} per id. */
    /**
     * What {@code governance=on} adds to the bench's workspace: a tracking plan of 20 track events (the
     * bench's "Product Added" among them, every one of its properties typed, enforcement omit-properties)
     * and 5 privacy rules over the three destinations, so that every event is judged and every route's
     * copy is checked for PII.
     */
    static String governance(List<String> destinationIds) {
        StringBuilder yaml = new StringBuilder("trackingPlans:\n  - source: " + SOURCE
                + "\n    enforcement: omit-properties\n    versions:\n      - version: 1\n        common:\n"
                + "          type: object\n          required: [context]\n        track:\n"
                + "          Product Added:\n            type: object\n            required: [product_id, price]\n"
                + "            properties:\n");
        for (String text : List.of(
                "cart_id", "product_id", "sku", "category", "name", "brand", "variant", "coupon", "url", "image_url")) {
            yaml.append("              " + text + ": { type: string }\n");
        }
        yaml.append("              price: { type: number, minimum: 0 }\n")
                .append("              quantity: { type: integer, minimum: 1 }\n")
                .append("              position: { type: integer }\n");
        for (int e = 1; e < 20; e++) {
            yaml.append("          Planned Event " + e + ": { type: object, required: [id], properties: { id: { type:"
                    + " string }, value: { type: number } } }\n");
        }
        String a = destinationIds.get(0);
        String b = destinationIds.get(1 % destinationIds.size());
        String c = destinationIds.get(2 % destinationIds.size());
        yaml.append("privacy:\n  rules:\n")
                .append("    - { destination: " + a + ", pii: email, action: hash }\n")
                .append("    - { destination: " + a + ", classification: red, action: block }\n")
                .append("    - { destination: " + b + ", classification: yellow, action: mask }\n")
                .append("    - { destination: " + b + ", field: context.page.referrer, action: allow }\n")
                .append("    - { destination: " + c + ", pii: ip, action: block }\n");
        return yaml.toString();
    }

    static void publishWorkspace(String bootstrapServers, List<String> destinationIds, String slug) throws Exception {
        publishWorkspace(bootstrapServers, destinationIds, slug, "");
    }

    /** The bench's workspace, with {@code extra} (top-level YAML sections) appended. */
    static void publishWorkspace(String bootstrapServers, List<String> destinationIds, String slug, String extra)
            throws Exception {
        StringBuilder yaml = new StringBuilder("workspace: " + WORKSPACE + "\nsources:\n  - id: " + SOURCE
                + "\n    writeKey: wk_bench\ndestinations:\n");
        for (String id : destinationIds) {
            yaml.append("  - id: " + id + "\n    type: " + slug + "\n    settings: { url: \"http://127.0.0.1:9/" + id
                    + "\" }\n");
        }
        yaml.append("connections:\n");
        for (String id : destinationIds) {
            yaml.append("  - { source: " + SOURCE + ", destination: " + id + " }\n");
        }
        yaml.append(extra);
        var parsed = WorkspaceConfigParser.parseYaml(yaml.toString(), "bench", name -> null);
        ConfigTopic.publish(bootstrapServers, Map.of(), parsed.config());
    }

    static RawCall call(int i, String user, Instant receivedAt) {
        String messageId = "ajs-next-" + new UUID(i, 0x5b0a4dL).toString();
        String product = PRODUCTS.get(i % PRODUCTS.size());
        String slug = product.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String userAgent = USER_AGENTS.get(i % USER_AGENTS.size());
        Instant sentAt = receivedAt.minusMillis(120);
        Instant timestamp = receivedAt.minusMillis(180);
        String payload = "{\"type\":\"track\",\"event\":\"Product Added\",\"userId\":\"" + user + "\","
                + "\"anonymousId\":\"" + new UUID(i % USERS, 42L) + "\",\"messageId\":\"" + messageId + "\","
                + "\"timestamp\":\"" + timestamp + "\",\"sentAt\":\"" + sentAt + "\","
                + "\"properties\":{\"cart_id\":\"c-" + (i / 3) + "\",\"product_id\":\"507f1f77bcf86cd7994390"
                + (i % 90 + 10) + "\",\"sku\":\"G-" + (i % 97) + "\",\"category\":\"Games\",\"name\":\"" + product
                + "\",\"brand\":\"Hasbro\",\"variant\":\"200 pieces\",\"price\":" + (10 + i % 40) + ".99,"
                + "\"quantity\":" + (1 + i % 3) + ",\"coupon\":\"MAYDEALS\",\"position\":" + (i % 12) + ","
                + "\"url\":\"https://www.example.com/product/" + slug + "\",\"image_url\":"
                + "\"https://www.example.com/product/" + slug + ".jpg\"},"
                + "\"context\":{\"library\":{\"name\":\"analytics.js\",\"version\":\"next-1.72.1\"},"
                + "\"page\":{\"path\":\"/product/" + slug + "\",\"referrer\":\"https://www.google.com/\","
                + "\"search\":\"\",\"title\":\"" + product + " | Example Store\",\"url\":"
                + "\"https://www.example.com/product/" + slug + "\"},\"userAgent\":\"" + userAgent + "\","
                + "\"locale\":\"en-US\",\"timezone\":\"Europe/Berlin\",\"campaign\":{\"name\":\"spring_sale\","
                + "\"source\":\"google\",\"medium\":\"cpc\",\"term\":\"board games\"}},"
                + "\"integrations\":{\"All\":true}}";
        return RawCall.newBuilder()
                .setPayload(payload)
                .setMessageId(messageId)
                .setReceivedAt(receivedAt)
                .setSentAt(sentAt.toString())
                .setWorkspaceId(WORKSPACE)
                .setSourceId(SOURCE)
                .setIp("203.0.113." + (i % 250))
                .setUserAgent(userAgent)
                .setPath("/v1/track")
                .build();
    }
}
