/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static dev.switchboard.mappers.engine.DeclarativeMapperTest.files;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTION =
            """
            trigger: all
            request:
              url: https://api.example.com/in?v=2
              headers: { content-type: text/plain, X-Custom: { '@path': $settings.custom } }
              body: { id: { '@path': $.messageId } }
            """;

    private static MappedRequest send(String authentication, String settings) throws Exception {
        String destination = "slug: a\nname: A\nsettings:\n"
                + "  key: { type: string, secret: true, description: k }\n"
                + "  custom: { type: string, description: c }\n"
                + "authentication: " + authentication + "\n";
        DeclarativeMapper mapper = DestinationLoader.load("a", files(destination, "send.yaml", ACTION));
        ObjectNode event = (ObjectNode) JSON.readTree("{\"messageId\":\"m 1\"}");
        return mapper.map(event, new MapperContext("d", (ObjectNode) JSON.readTree(settings)))
                .get(0);
    }

    @Test
    void shouldAddBearerTokenWhenAuthenticationIsBearer() throws Exception {
        MappedRequest r = send("{ type: bearer, token: { '@path': $settings.key } }", "{\"key\":\"t0k\"}");
        assertThat(r.headers()).containsEntry("Authorization", "Bearer t0k");
    }

    @Test
    void shouldAddNamedHeaderWhenAuthenticationIsHeader() throws Exception {
        MappedRequest r =
                send("{ type: header, name: X-Api-Key, value: { '@path': $settings.key } }", "{\"key\":\"k1\"}");
        assertThat(r.headers()).containsEntry("X-Api-Key", "k1");
        assertThat(r.url()).isEqualTo("https://api.example.com/in?v=2");
    }

    @Test
    void shouldAppendEncodedParameterWhenAuthenticationIsQuery() throws Exception {
        MappedRequest r =
                send("{ type: query, name: api_secret, value: { '@path': $settings.key } }", "{\"key\":\"a b&c\"}");
        assertThat(r.url()).isEqualTo("https://api.example.com/in?v=2&api_secret=a%20b%26c");
    }

    @Test
    void shouldReplaceHeaderCaseInsensitivelyWhenMappingSetsItAgain() throws Exception {
        // Given a mapping that sets content-type in lower case
        MappedRequest r = send("{ type: none }", "{\"custom\":\"x\"}");
        // Then there is one Content-Type, with the mapping's value
        assertThat(r.headers().keySet().stream().filter(k -> k.equalsIgnoreCase("content-type")))
                .hasSize(1);
        assertThat(r.headers()).containsEntry("Content-Type", "text/plain").containsEntry("X-Custom", "x");
    }

    @Test
    void shouldSkipAuthenticationWhenCredentialIsUnset() throws Exception {
        MappedRequest r = send("{ type: bearer, token: { '@path': $settings.key } }", "{}");
        assertThat(r.headers()).doesNotContainKey("Authorization");
    }
}
