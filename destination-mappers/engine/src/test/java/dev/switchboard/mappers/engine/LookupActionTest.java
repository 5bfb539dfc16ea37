/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static dev.switchboard.mappers.engine.DeclarativeMapperTest.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.Lookup;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An action's {@code lookup:}: what the loader refuses, and what a lookup request is rendered as. */
class LookupActionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DESTINATION =
            "slug: a\nname: A\nsettings: { token: { type: string, secret: true, description: t } }\n"
                    + "authentication: { type: bearer, token: { '@path': $settings.token } }\n";

    private static final String LOOKUP =
            """
            trigger: type = "identify"
            fields:
              contact: { email: { '@path': $.traits.email }, external_id: { '@path': $.userId } }
              # a later field reads an earlier one
              wrapped: { contact: { '@path': $fields.contact } }
            lookup:
              request:
                url: 'https://x.example/contacts/search'
                body: { query: { value: { '@path': $.userId } } }
              found: $.data[*].id
              notFound: [404]
              otherwise:
                url: 'https://x.example/contacts'
                body: { '@path': $fields.wrapped }
              retry: [409]
            request:
              method: PUT
              url: { '@template': 'https://x.example/contacts/{{$lookup}}' }
              body: { '@path': $fields.contact }
            """;

    @Test
    void shouldRenderTheLookupAndBothRequestsWhenTheActionHasALookup() throws Exception {
        MappedRequest r = map(
                LOOKUP,
                "{\"type\":\"identify\",\"messageId\":\"m1\",\"userId\":\"u 1\","
                        + "\"traits\":{\"email\":\"a@b.c\"}}");

        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.url()).isEqualTo("https://x.example/contacts/" + Lookup.MARKER);
        assertThat(JSON.readTree(r.body()).toString()).isEqualTo("{\"email\":\"a@b.c\",\"external_id\":\"u 1\"}");
        Lookup l = r.lookup();
        assertThat(l.request().method()).isEqualTo("POST");
        assertThat(l.request().url()).isEqualTo("https://x.example/contacts/search");
        assertThat(text(l.request().body())).isEqualTo("{\"query\":{\"value\":\"u 1\"}}");
        assertThat(l.request().headers())
                .containsEntry("Authorization", "Bearer tok-1")
                .containsEntry("Content-Type", "application/json");
        assertThat(l.found()).isEqualTo("$.data[*].id");
        assertThat(l.notFound()).containsExactly(404);
        assertThat(l.otherwise().url()).isEqualTo("https://x.example/contacts");
        assertThat(text(l.otherwise().body())).isEqualTo("{\"contact\":{\"email\":\"a@b.c\",\"external_id\":\"u 1\"}}");
        assertThat(l.otherwise().headers()).containsEntry("Authorization", "Bearer tok-1");
        assertThat(l.retry()).containsExactly(409);
        assertThat(r.batch()).isNull();
    }

    @Test
    void shouldRejectTheEventWhenItsValueWouldBeTakenForTheMarker() {
        String action = LOOKUP.replace(
                "'https://x.example/contacts/{{$lookup}}'", "'https://x.example/{{userId}}/contacts/{{$lookup}}'");
        assertThatThrownBy(() -> map(action, "{\"type\":\"identify\",\"messageId\":\"m1\",\"userId\":\"{lookup}\"}"))
                .isInstanceOf(PayloadInvalidException.class)
                .hasMessageContaining("exactly once");
    }

    @Test
    void shouldRefuseLookupWhenRequestUrlDoesNotReadTheValue() {
        refused(
                LOOKUP.replace("'https://x.example/contacts/{{$lookup}}'", "'https://x.example/contacts/me'"),
                "request.url must read the value found");
    }

    @Test
    void shouldRefuseLookupWhenTheValueIsReadOutsideTheUrl() {
        refused(
                LOOKUP.replace("body: { '@path': $fields.contact }", "body: { id: { '@path': $lookup } }"),
                "request.body reads $lookup, which only request.url may read");
    }

    @Test
    void shouldRefuseLookupWhenItsOwnRequestsReadTheValue() {
        refused(
                LOOKUP.replace("'https://x.example/contacts'", "{ '@template': 'https://x.example/{{$lookup}}' }"),
                "cannot read $lookup");
    }

    @Test
    void shouldRefuseActionWhenItReadsTheValueWithoutALookup() {
        String action = "trigger: all\nrequest: { url: { '@template': 'https://x.example/{{$lookup}}' } }\n";
        refused(action, "has no 'lookup'");
    }

    @Test
    void shouldRefuseLookupWhenFoundIsNotAPath() {
        refused(
                LOOKUP.replace("found: $.data[*].id", "found: $.data[0].id"),
                "lookup.found: $.data[0].id is not a path");
    }

    @Test
    void shouldRefuseLookupWhenOtherwiseIsMissing() {
        String action = LOOKUP.replace("  otherwise:\n    url: 'https://x.example/contacts'\n", "")
                .replace("    body: { '@path': $fields.wrapped }\n", "");
        refused(action, "lookup needs 'request' (the read) and 'otherwise'");
    }

    @Test
    void shouldRefuseLookupWhenAStatusIsNotA4xx() {
        refused(LOOKUP.replace("retry: [409]", "retry: [503]"), "lookup.retry: 503 is not a status from 400 to 499");
        refused(LOOKUP.replace("notFound: [404]", "notFound: [200]"), "lookup.notFound: 200 is not a status");
    }

    @Test
    void shouldRefuseLookupWhenTheActionBatches() {
        refused(
                LOOKUP.replace(
                        "trigger: type = \"identify\"\n",
                        "trigger: type = \"identify\"\nbatching: { format: json-array }\n"),
                "set batching: false");
    }

    @Test
    void shouldRefuseLookupWhenItHasAnUnknownKey() {
        refused(LOOKUP.replace("retry: [409]", "retries: [409]"), "unknown key 'retries'");
    }

    private static void refused(String action, String message) {
        assertThatThrownBy(() -> DestinationLoader.load("a", files(DESTINATION, "t.yaml", action)))
                .isInstanceOf(DestinationDefinitionException.class)
                .hasMessageContaining("a/t.yaml")
                .hasMessageContaining(message);
    }

    private static MappedRequest map(String action, String event) throws Exception {
        DeclarativeMapper mapper = DestinationLoader.load("a", files(DESTINATION, "t.yaml", action));
        ObjectNode settings = JSON.createObjectNode().put("token", "tok-1");
        List<MappedRequest> out = mapper.map((ObjectNode) JSON.readTree(event), new MapperContext("d", settings));
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
