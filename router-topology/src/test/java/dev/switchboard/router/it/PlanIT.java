/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.router.RouterApp;
import dev.switchboard.router.plan.PlanStage;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan step on a real broker: an unplanned event blocked and archived with its violation, an
 * invalid property omitted, a suppressed user's events delivered nowhere, and a plan change on
 * {@code sb.config} applied by the running router.
 */
class PlanIT {

    private static final String WORKSPACE =
            """
            workspace: acme
            sources: [{id: web, writeKey: wk_web}]
            destinations: [{id: hooks, type: echo, settings: {url: "http://127.0.0.1:9/hooks"}}]
            connections: [{source: web, destination: hooks}]
            suppression: {userIds: [gone]}
            trackingPlans:
              - source: web
                enforcement: [omit-properties, block-unplanned]
                versions:
                  - version: 1
                    track:
                      Order Completed: {type: object, properties: {price: {type: number}}}
                      %s
            """;

    @TempDir
    Path stateDir;

    @Test
    void shouldBlockOmitSuppressAndFollowPlanChangesWhenRouting() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                CommittedTopics broker = new CommittedTopics(kafka.bootstrapServers())) {
            RouterInputs.createTopics(kafka, List.of("hooks"));
            RouterInputs.publish(kafka, WORKSPACE.formatted("Other Event: {type: object}"), n -> null);
            try (RouterApp router = RouterInputs.startRouter(kafka, "sb-plan-it", stateDir)) {

                // Given the plan of version 1: when an unplanned event, an invalid property and a suppressed user come
                RouterInputs.send(
                        kafka, "u1", "m1", "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Later Event\"}");
                RouterInputs.send(
                        kafka,
                        "u1",
                        "m2",
                        "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Order Completed\","
                                + "\"properties\":{\"price\":\"free\",\"sku\":\"a\"}}");
                RouterInputs.send(
                        kafka, "gone", "m3", "{\"type\":\"track\",\"userId\":\"gone\",\"event\":\"Order Completed\"}");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> broker.readCommitted(Topics.EVENTS).size() == 3);

                // Then all three are archived; the unplanned one and the suppressed one carry why they were kept back
                List<ConsumerRecord<String, Event>> archive = broker.readCommitted(Topics.EVENTS);
                assertThat(archive)
                        .extracting(r -> r.value().getMessageId())
                        .containsExactlyInAnyOrder("m1", "m2", "m3");
                assertThat(blocked(archive, "m1")).isEqualTo("plan");
                assertThat(blocked(archive, "m3")).isEqualTo("suppressed");
                assertThat(blocked(archive, "m2")).isNull();
                List<Violation> violations = broker.readCommitted(Topics.VIOLATIONS).stream()
                        .map(ConsumerRecord::value)
                        .toList();
                assertThat(violations)
                        .filteredOn(v -> v.getMessageId().equals("m1"))
                        .singleElement()
                        .satisfies(v -> {
                            assertThat(v.getKind()).isEqualTo(ViolationKind.UNPLANNED_EVENT);
                            assertThat(v.getBlocked()).isTrue();
                            assertThat(v.getPlanVersion()).isEqualTo(1);
                        });
                // and only m2 reaches the destination, without its invalid and unplanned properties
                List<String> bodies = bodies(broker);
                assertThat(bodies).hasSize(1);
                assertThat(bodies.get(0))
                        .contains("\"m2\"")
                        .doesNotContain("price")
                        .doesNotContain("sku");

                // When the plan gains "Later Event" on sb.config, with the router running
                RouterInputs.publish(kafka, WORKSPACE.formatted("Later Event: {type: object}"), n -> null);
                Thread.sleep(2000); // the global table follows sb.config asynchronously
                RouterInputs.send(
                        kafka, "u1", "m4", "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Later Event\"}");

                // Then the next such event is delivered
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> bodies(broker).size() == 2);
                assertThat(bodies(broker).get(1)).contains("\"m4\"");
            }
        }
    }

    private static String blocked(List<ConsumerRecord<String, Event>> archive, String messageId) {
        var header = archive.stream()
                .filter(r -> r.value().getMessageId().equals(messageId))
                .findFirst()
                .orElseThrow()
                .headers()
                .lastHeader(PlanStage.BLOCKED_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> bodies(CommittedTopics broker) {
        return broker.readCommitted(Topics.destination("hooks")).stream()
                .map(ConsumerRecord::value)
                .sorted(java.util.Comparator.comparing(r -> r.getMessageIds().get(0)))
                .map(RouterInputs::body)
                .toList();
    }
}
