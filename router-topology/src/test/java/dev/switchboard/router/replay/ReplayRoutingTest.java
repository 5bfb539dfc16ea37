/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.testing.EchoMapper;
import dev.switchboard.router.testing.RouterDriver;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.config.WorkspaceConfigParser;
import dev.switchboard.workspace.plan.SuppressedUsers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A replayed event goes through the router's own fan-out and map: what it writes for a destination
 * is what the router writes for the same event, and it reaches only the chosen destinations.
 */
class ReplayRoutingTest {

    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void shouldWriteWhatTheRouterWritesWhenTheEventAlreadyChoseTheDestination() throws Exception {
        // Given an event the router archived and routed, whose integrations already name only "My Hooks"
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            router.send("u1", call("m1", "{\"All\":false,\"My Hooks\":true}"));
            Event archived = router.events().get(0);
            DestinationRequest live = router.requests("hooks").get(0);
            assertThat(router.requests("audit")).isEmpty();

            // When it is replayed to hooks
            ReplayRouting.Routing replayed = ReplayRouting.route(archived, workspace(), Set.of("hooks"), "rp-1");

            // Then the request is the router's, field for field, but for its time and the replay tag
            assertThat(replayed.requests()).hasSize(1);
            DestinationRequest r = replayed.requests().get(0);
            assertThat(r.getReplayId()).isEqualTo("rp-1");
            assertThat(live.getReplayId()).isNull();
            r.setReplayId(null);
            r.setCreatedAt(live.getCreatedAt());
            assertThat(r).isEqualTo(live);
        }
    }

    @Test
    void shouldRouteOnlyTheChosenDestinationsWhateverTheEventsIntegrationsSaid() throws Exception {
        // Given an archived event that had turned hooks off and left audit on
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            router.send("u1", call("m2", "{\"My Hooks\":false}"));
            Event archived = router.events().get(0);
            assertThat(router.requests("hooks")).isEmpty();
            assertThat(router.requests("audit")).hasSize(1);

            // When it is replayed to hooks only
            ReplayRouting.Routing replayed = ReplayRouting.route(archived, workspace(), Set.of("hooks"), "rp-2");

            // Then hooks gets it, with integrations {All: false, My Hooks: true}, and audit nothing
            assertThat(replayed.requests())
                    .extracting(DestinationRequest::getDestinationId)
                    .containsExactly("hooks");
            assertThat(body(replayed.requests().get(0))).contains("\"integrations\":{\"All\":false,\"My Hooks\":true}");
            assertThat(replayed.rejections()).isEmpty();
        }
    }

    @Test
    void shouldApplyTheDestinationsCurrentFiltersAndReportItsMappersRejections() throws Exception {
        // Given a workspace whose hooks connection now drops "Debug" events
        CompiledWorkspace filtered = workspace(RouterDriver.WORKSPACE_YAML.replace(
                "- { source: web, destination: hooks }",
                "- { source: web, destination: hooks, filters: [{ if: 'event = \"Debug\"', drop: true }] }"));
        // When a Debug event and an event the echo type refuses are replayed to both destinations
        ReplayRouting.Routing debug =
                ReplayRouting.route(event("m3", "Debug", "{}"), filtered, Set.of("hooks", "audit"), "rp-3");
        ReplayRouting.Routing invalid =
                ReplayRouting.route(event("m4", "Bought", "{\"invalid\":true}"), filtered, Set.of("hooks"), "rp-3");
        // Then the filter keeps Debug from hooks only, and the refusal is reported, not sent
        assertThat(debug.requests())
                .extracting(DestinationRequest::getDestinationId)
                .containsExactly("audit");
        assertThat(invalid.requests()).isEmpty();
        assertThat(invalid.rejections()).singleElement().satisfies(r -> {
            assertThat(r.getStage()).isEqualTo("map");
            assertThat(r.getCode()).isEqualTo("payload_invalid");
            assertThat(r.getDestinationId()).isEqualTo("hooks");
            assertThat(r.getMessageId()).isEqualTo("m4");
        });
    }

    @Test
    void shouldHoldBackWhatTheRouterHoldsBackWhenTheUserIsSuppressed() {
        // Given a workspace that now suppresses u1, the user of the archived event
        CompiledWorkspace suppressing = workspace(RouterDriver.WORKSPACE_YAML + "suppression:\n  userIds: [u1]\n");

        // When the event is replayed, it reaches no destination, as the router's plan stage would decide
        ReplayRouting.Routing r =
                ReplayRouting.route(event("m6", "Bought", "{}"), suppressing, Set.of("hooks", "audit"), "rp-5");
        assertThat(r.requests()).isEmpty();
        assertThat(r.rejections()).isEmpty();
        assertThat(ReplayRouting.route(event("m6", "Bought", "{}"), workspace(), Set.of("hooks"), "rp-5")
                        .requests())
                .hasSize(1);
    }

    @Test
    void shouldHoldBackAUserSuppressedOnTheSuppressionsTopicOfTheEventsWorkspaceOnly() {
        // Given u1 suppressed by an operator in workspace acme (sb.suppressions), not in the file
        SuppressedUsers topic = (workspace, userId, anonymousId) -> workspace.equals("acme") && "u1".equals(userId);
        SuppressedUsers elsewhere = (workspace, userId, anonymousId) -> workspace.equals("other");

        // When the event is replayed, it reaches no destination; suppressed in another workspace, it does
        assertThat(ReplayRouting.route(event("m7", "Bought", "{}"), workspace(), topic, Set.of("hooks"), "rp-6")
                        .requests())
                .isEmpty();
        assertThat(ReplayRouting.route(event("m7", "Bought", "{}"), workspace(), elsewhere, Set.of("hooks"), "rp-6")
                        .requests())
                .hasSize(1);
    }

    @Test
    void shouldApplyTheDestinationsPrivacyRulesAsTheRouterDoes() {
        // Given a workspace that now blocks Red fields for hooks
        CompiledWorkspace blocking = workspace(RouterDriver.WORKSPACE_YAML
                + "privacy:\n  rules:\n    - { destination: hooks, classification: red, action: block }\n");

        // When an event with a password is replayed to both destinations
        ReplayRouting.Routing r = ReplayRouting.route(
                event("m7", "Bought", "{\"password\":\"hunter2\",\"sku\":\"a\"}"),
                blocking,
                Set.of("hooks", "audit"),
                "rp-6");

        // Then hooks gets it without the password, audit with it
        assertThat(r.requests()).hasSize(2);
        for (DestinationRequest request : r.requests()) {
            String body = body(request);
            assertThat(body).contains("\"sku\":\"a\"");
            assertThat(body.contains("hunter2"))
                    .as("password sent to %s", request.getDestinationId())
                    .isEqualTo(request.getDestinationId().equals("audit"));
        }
    }

    @Test
    void shouldRefuseAnArchivedEventThatIsNotAJsonObject() {
        Event broken = event("m5", "Bought", "{}");
        broken.setJson("[1,2]");
        assertThatThrownBy(() -> ReplayRouting.route(broken, workspace(), Set.of("hooks"), "rp-4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void shouldMatchSourceTypeAndEventGlobWhenAsked() {
        ReplaySpec spec = ReplaySpec.of("rp", "web", List.of("hooks"), T, T.plusSeconds(1), "Order *", "track");
        assertThat(spec.matches(event("a", "Order Completed", "{}"))).isTrue();
        assertThat(spec.matches(event("b", "Order", "{}"))).isFalse();
        assertThat(spec.matches(event("c", "Cart Order X", "{}"))).isFalse();
        Event identify = event("d", null, "{}");
        identify.setType("identify");
        assertThat(spec.matches(identify)).isFalse();
        Event other = event("e", "Order Completed", "{}");
        other.setSourceId("app");
        assertThat(spec.matches(other)).isFalse();
        assertThat(ReplaySpec.glob("a.b?c*").matcher("a.bXc").matches()).isTrue();
        assertThat(ReplaySpec.glob("a.b?c*").matcher("aXbXc").matches()).isFalse();
        assertThatThrownBy(() -> ReplaySpec.of("rp", "web", List.of("hooks"), T, T, null, null))
                .hasMessageContaining("not after its start");
    }

    private static RawCall call(String messageId, String integrations) {
        String json = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Bought\",\"messageId\":\"" + messageId
                + "\",\"integrations\":" + integrations + "}";
        return new RawCall(json, messageId, T, null, "acme", "web", "203.0.113.9", "curl/8", "/v1/track");
    }

    private static Event event(String messageId, String name, String properties) {
        String json = "{\"type\":\"track\",\"userId\":\"u1\",\"messageId\":\"" + messageId + "\""
                + (name == null ? "" : ",\"event\":\"" + name + "\"") + ",\"properties\":" + properties + "}";
        return new Event(messageId, "track", "u1", null, name, "acme", "web", T, T, json);
    }

    private static CompiledWorkspace workspace() {
        return workspace(RouterDriver.WORKSPACE_YAML);
    }

    private static CompiledWorkspace workspace(String yaml) {
        try {
            var parsed = WorkspaceConfigParser.parseYaml(yaml, "test", name -> null);
            return CompiledWorkspace.compile(parsed.config(), T, MapperRegistry.of(List.of(new EchoMapper())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(DestinationRequest r) {
        return StandardCharsets.UTF_8.decode(r.getBody().duplicate()).toString();
    }
}
