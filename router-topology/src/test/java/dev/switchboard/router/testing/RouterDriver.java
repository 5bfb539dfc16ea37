/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.testing;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.RouterTopology;
import dev.switchboard.schemas.Topic;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.Rejected;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The router topology in a TopologyTestDriver, with a test workspace and the echo destination type. */
public final class RouterDriver implements AutoCloseable {

    /** Source "web" is connected to "hooks" (display name "My Hooks") and "audit"; "app" to nothing. */
    public static final String WORKSPACE_YAML =
            """
            workspace: acme
            sources:
              - id: web
                writeKey: wk_web
              - id: app
                writeKey: wk_app
            destinations:
              - id: hooks
                name: My Hooks
                type: echo
                settings: { url: "http://127.0.0.1:9/hooks" }
              - id: audit
                type: echo
                settings: { url: "http://127.0.0.1:9/audit", tag: audit-tag }
            connections:
              - { source: web, destination: hooks }
              - { source: web, destination: audit }
            """;

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, RawCall> raw;
    private final TestInputTopic<String, ConfigRecord> config;
    private final TestOutputTopic<String, Event> events;
    private final TestOutputTopic<String, Rejected> rejected;
    private final TestOutputTopic<String, Violation> violations;
    private final TestInputTopic<String, UserSuppression> suppressions;
    private final TestOutputTopic<String, FieldSeen> fields;

    public RouterDriver() {
        // In-memory dedupe store: TopologyTestDriver is slow with persistent stores; the logic is the same.
        RouterConfig routerConfig = RouterConfig.from(Map.of(RouterConfig.DEDUPE_STORE.key(), "in_memory"));
        Properties props = routerConfig.streamsProperties("dummy:9092");
        props.put("state.dir", System.getProperty("java.io.tmpdir") + "/sb-router-test-" + System.nanoTime());
        driver = new TopologyTestDriver(
                RouterTopology.build(MapperRegistry.of(List.of(new EchoMapper())), routerConfig), props);
        raw = driver.createInputTopic(
                Topics.INGEST_RAW.name(),
                Topics.INGEST_RAW.keySerde().serializer(),
                Topics.INGEST_RAW.valueSerde().serializer());
        config = driver.createInputTopic(
                Topics.CONFIG.name(),
                Topics.CONFIG.keySerde().serializer(),
                Topics.CONFIG.valueSerde().serializer());
        events = driver.createOutputTopic(
                Topics.EVENTS.name(),
                Topics.EVENTS.keySerde().deserializer(),
                Topics.EVENTS.valueSerde().deserializer());
        rejected = driver.createOutputTopic(
                Topics.REJECTED.name(),
                Topics.REJECTED.keySerde().deserializer(),
                Topics.REJECTED.valueSerde().deserializer());
        violations = driver.createOutputTopic(
                Topics.VIOLATIONS.name(),
                Topics.VIOLATIONS.keySerde().deserializer(),
                Topics.VIOLATIONS.valueSerde().deserializer());
        suppressions = input(Topics.SUPPRESSIONS);
        fields = output(Topics.FIELDS);
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(
                topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(
                topic.name(),
                topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    /** Suppresses a user of workspace acme on {@code sb.suppressions}, as {@code switchboard suppress add} does. */
    public void suppress(SuppressedIdType type, String id) {
        suppressions.pipeInput(
                Topics.suppressionKey("acme", type, id),
                new UserSuppression("acme", type, id, "test", null, Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** Lifts it with a tombstone, as {@code switchboard suppress remove} does. */
    public void unsuppress(SuppressedIdType type, String id) {
        suppressions.pipeInput(Topics.suppressionKey("acme", type, id), null);
    }

    /** The field inventory's records on {@code sb.fields} since the last call, with their keys. */
    public List<TestRecord<String, FieldSeen>> fields() {
        return fields.readRecordsToList();
    }

    /** Publishes the test workspace (or another YAML) to the config topic. */
    public RouterDriver withWorkspace(String yaml) throws Exception {
        var parsed = WorkspaceConfigParser.parseYaml(yaml, "test", name -> null);
        config.pipeInput(
                parsed.config().workspace(),
                new ConfigRecord(
                        parsed.config().workspace(), Instant.now(), WorkspaceConfigParser.toDocument(parsed.config())));
        return this;
    }

    /** Sends a raw call; the record's time is its receivedAt, as when the tracking API writes it. */
    public void send(String key, RawCall call) {
        raw.pipeInput(key, call, call.getReceivedAt());
    }

    public List<Event> events() {
        return events.readValuesToList();
    }

    /** The archive's records, with their headers (a blocked event carries {@code sb-blocked}). */
    public List<TestRecord<String, Event>> archive() {
        return events.readRecordsToList();
    }

    public List<Violation> violations() {
        return violations.readValuesToList();
    }

    public List<Rejected> rejected() {
        return rejected.readValuesToList();
    }

    /** Every request written to {@code sb.dest.<destinationId>}. */
    public List<DestinationRequest> requests(String destinationId) {
        var topic = Topics.destination(destinationId);
        return driver.createOutputTopic(
                        topic.name(),
                        topic.keySerde().deserializer(),
                        topic.valueSerde().deserializer())
                .readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
