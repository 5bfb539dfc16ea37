/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.testing;

import dev.switchboard.delivery.DeliveryApp;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.delivery.http.HttpCall;
import dev.switchboard.delivery.http.HttpSender;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.embedded.EmbeddedKafkaExtension;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.admin.TopicAdmin;
import dev.switchboard.schemas.avro.DeliveryOutcome;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.workspace.SettableConfigView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One embedded broker per test class (core topics created), fake destinations and delivery apps
 * closed after each test, and backoffs compressed to milliseconds.
 */
public abstract class BrokerTestBase {

    private static final AtomicInteger IDS = new AtomicInteger();

    @RegisterExtension
    static final EmbeddedKafkaExtension BROKER = EmbeddedKafkaExtension.withCoreTopics(2);

    protected static EmbeddedKafka kafka;
    protected static KafkaTopics topics;
    protected static TopicAdmin admin;

    protected final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    protected final SettableConfigView view = new SettableConfigView();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        kafka = BROKER.kafka();
        admin = BROKER.topicAdmin();
        topics = new KafkaTopics(kafka.bootstrapServers());
        warmHttpClient();
    }

    /**
     * One call through the HTTP client before the tests: the JVM's first call loads the client's
     * classes (seconds on a loaded 2-core machine), which a test timing retries and windows would
     * otherwise count as the destination's latency.
     */
    private static void warmHttpClient() {
        try (FakeDestination server = FakeDestination.ok();
                HttpSender sender = new HttpSender("warm-up", Duration.ofSeconds(10), Duration.ofSeconds(60), 1)) {
            sender.send(new HttpCall("POST", server.url("/warm-up"), Map.of(), new byte[0]))
                    .get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot warm the HTTP client up", e);
        }
    }

    @AfterAll
    static void stopBroker() {
        topics.close();
        admin.close();
    }

    @AfterEach
    void closeResources() throws Exception {
        // Servers first: a hanging destination's calls end, so the apps close quickly.
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    /** A destination id no other test of this broker uses. */
    protected static String newId(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    protected FakeDestination server(FakeDestination server) {
        resources.add(0, server);
        return server;
    }

    /** Options with backoff in milliseconds, fast commits and a short shutdown. */
    protected static DeliveryConfig fastConfig(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>();
        p.put("switchboard.delivery.backoff.base", "50ms");
        p.put("switchboard.delivery.backoff.max", "200ms");
        p.put("switchboard.delivery.retry-window", "60s");
        p.put("switchboard.delivery.commit-interval", "50ms");
        p.put("switchboard.delivery.shutdown-timeout", "5s");
        p.put("switchboard.delivery.batch.linger", "100ms");
        p.putAll(extra);
        return DeliveryConfig.from(p);
    }

    protected DeliveryApp startApp(DeliveryConfig config) {
        DeliveryApp app = new DeliveryApp(config, kafka.bootstrapServers(), view, registry);
        resources.add(app);
        app.start();
        return app;
    }

    protected static void send(String destinationId, List<DestinationRequest> requests, int users) {
        List<Map.Entry<String, DestinationRequest>> records = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            records.add(Map.entry("user-" + (i % users), requests.get(i)));
        }
        topics.sendAll(Topics.destination(destinationId), records);
    }

    protected static List<DeliveryOutcome> outcomes(String destinationId) {
        return topics.values(Topics.DELIVERY_OUTCOMES, destinationId);
    }

    protected static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100));
    }

    protected double gauge(String name, String destinationId) {
        var g = registry.find(name).tag("destination", destinationId).gauge();
        return g == null ? Double.NaN : g.value();
    }

    protected double counter(String name, String destinationId) {
        var c = registry.find(name).tag("destination", destinationId).counter();
        return c == null ? 0 : c.count();
    }
}
