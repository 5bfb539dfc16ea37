/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.testing.RouterDriver;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.RawCall;
import dev.switchboard.schemas.avro.SuppressedIdType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Users suppressed on {@code sb.suppressions}: archived, not fanned out, until a tombstone lifts them. */
class TopicSuppressionTest {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00.500Z");

    @Test
    void shouldArchiveButNotDeliverASuppressedUsersEventsUntilTheSuppressionIsRemoved() throws Exception {
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            router.suppress(SuppressedIdType.USER_ID, "u1");

            router.send("u1", call("m1", "u1", null));
            router.send("u2", call("m2", "u2", null));

            assertThat(messageIds(router.requests("hooks"))).containsExactly("m2");
            List<TestRecord<String, Event>> archive = router.archive();
            assertThat(archive).extracting(r -> r.value().getMessageId()).containsExactly("m1", "m2");
            assertThat(blocked(archive.get(0))).isEqualTo("suppressed");
            assertThat(blocked(archive.get(1))).isNull();

            router.unsuppress(SuppressedIdType.USER_ID, "u1");
            router.send("u1", call("m3", "u1", null));

            assertThat(messageIds(router.requests("hooks"))).containsExactly("m3");
            assertThat(blocked(router.archive().get(0))).isNull();
        }
    }

    @Test
    void shouldSuppressByAnonymousIdAndOnlyInTheSuppressionsWorkspace() throws Exception {
        String otherWorkspace = RouterDriver.WORKSPACE_YAML.replace("workspace: acme", "workspace: other");
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            router.withWorkspace(otherWorkspace);
            router.suppress(SuppressedIdType.ANONYMOUS_ID, "a1");

            router.send("a1", call("m1", null, "a1"));
            router.send("u9", call("m2", "u9", "a1")); // either id suppresses
            RawCall elsewhere = call("m3", null, "a1");
            elsewhere.setWorkspaceId("other"); // the same anonymousId in another workspace is not suppressed
            router.send("a1", elsewhere);

            assertThat(messageIds(router.requests("audit"))).containsExactly("m3");
        }
    }

    private static String blocked(TestRecord<String, Event> r) {
        Header h = r.headers().lastHeader(PlanStage.BLOCKED_HEADER);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<String> messageIds(List<DestinationRequest> requests) {
        return requests.stream().flatMap(r -> r.getMessageIds().stream()).toList();
    }

    private static RawCall call(String messageId, String userId, String anonymousId) {
        String json = "{\"type\":\"track\",\"event\":\"Bought\",\"messageId\":\"" + messageId + "\""
                + (userId == null ? "" : ",\"userId\":\"" + userId + "\"")
                + (anonymousId == null ? "" : ",\"anonymousId\":\"" + anonymousId + "\"") + "}";
        return new RawCall(json, messageId, T, null, "acme", "web", "203.0.113.9", "curl/8", "/v1/track");
    }
}
