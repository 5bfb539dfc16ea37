/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.embedded.EmbeddedKafka;
import dev.switchboard.router.RouterApp;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy rules on a real broker: one event, fanned out to two destinations, reaches {@code ads} with its
 * email hashed (salted, the salt from the environment) and {@code hooks} with it as sent, while a Red field
 * (a password) is blocked for {@code hooks} only; the archive keeps the event as it came.
 */
class PrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String WORKSPACE =
            """
            workspace: acme
            sources: [{id: web, writeKey: wk_web}]
            destinations:
              - {id: hooks, type: echo, settings: {url: "http://127.0.0.1:9/hooks"}}
              - {id: ads, type: echo, settings: {url: "http://127.0.0.1:9/ads"}}
            connections: [{source: web, destination: hooks}, {source: web, destination: ads}]
            privacy:
              salt: ${PII_SALT}
              rules:
                - {destination: ads, pii: email, action: hash}
                - {destination: hooks, classification: red, action: block}
            """;

    /** SHA-256 of "it-salt" and "jane@example.com" (computed outside Java). */
    private static final String HASHED_EMAIL = "edf2bfdeb06cde339316f9165533ebfc4807e3bd2e479a7f2723f1b4e91c0969";

    @TempDir
    Path stateDir;

    @Test
    void shouldHashForOneDestinationAndBlockRedForAnotherWhenRulesSaySo() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.temporary().start();
                CommittedTopics broker = new CommittedTopics(kafka.bootstrapServers())) {
            RouterInputs.createTopics(kafka, List.of("hooks", "ads"));
            RouterInputs.publish(kafka, WORKSPACE, Map.of("PII_SALT", "it-salt")::get);
            try (RouterApp router = RouterInputs.startRouter(kafka, "sb-privacy-it", stateDir)) {

                // When an identify with an email and a password comes
                RouterInputs.send(
                        kafka,
                        "u1",
                        "m1",
                        "{\"type\":\"identify\",\"userId\":\"u1\",\"traits\":{\"email\":\" Jane@Example.com \","
                                + "\"password\":\"hunter2\",\"plan\":\"pro\"}}");
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> !body(broker, "hooks").isMissingNode()
                                && !body(broker, "ads").isMissingNode());

                // Then ads gets the email hashed and the password; hooks the email as sent and no password
                JsonNode ads = body(broker, "ads").path("traits");
                assertThat(ads.path("email").asText()).isEqualTo(HASHED_EMAIL);
                assertThat(ads.path("password").asText()).isEqualTo("hunter2");
                assertThat(ads.path("plan").asText()).isEqualTo("pro");
                JsonNode hooks = body(broker, "hooks").path("traits");
                assertThat(hooks.path("email").asText()).isEqualTo(" Jane@Example.com ");
                assertThat(hooks.has("password")).isFalse();
                assertThat(hooks.path("plan").asText()).isEqualTo("pro");
                // and the archive holds the event as it came
                List<ConsumerRecord<String, Event>> archive = broker.readCommitted(Topics.EVENTS);
                assertThat(archive).singleElement().satisfies(r -> assertThat(
                                r.value().getJson())
                        .contains("\"password\":\"hunter2\"")
                        .contains(" Jane@Example.com "));
            }
        }
    }

    /** The body of the one request on the destination's topic, or a missing node before it is there. */
    private static JsonNode body(CommittedTopics broker, String destination) throws Exception {
        var requests = broker.readCommitted(Topics.destination(destination));
        assertThat(requests).hasSizeLessThanOrEqualTo(1);
        return requests.isEmpty()
                ? JSON.missingNode()
                : JSON.readTree(RouterInputs.body(requests.get(0).value()));
    }
}
