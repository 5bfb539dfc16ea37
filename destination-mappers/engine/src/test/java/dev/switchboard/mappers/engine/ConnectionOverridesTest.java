/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.SettingProblem;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A connection chooses a type's actions and overrides their default field mappings. */
class ConnectionOverridesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DESTINATION =
            """
            slug: two
            name: Two
            settings:
              url: { type: string, required: true, description: where }
            """;
    private static final String TRACK =
            """
            trigger: type = "track"
            fields:
              data: { '@path': $.properties }
            request:
              url: { '@path': $settings.url }
              body: { name: { '@path': $.event }, data: { '@path': $fields.data } }
            """;
    private static final String IDENTIFY =
            """
            trigger: type = "identify"
            request:
              url: { '@path': $settings.url }
              body: { '@path': $.traits }
            """;

    private final DeclarativeMapper mapper;

    ConnectionOverridesTest() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        files.put("destination.yaml", DESTINATION.getBytes(StandardCharsets.UTF_8));
        files.put("track.yaml", TRACK.getBytes(StandardCharsets.UTF_8));
        files.put("identify.yaml", IDENTIFY.getBytes(StandardCharsets.UTF_8));
        mapper = DestinationLoader.load("two", files);
    }

    @Test
    void shouldUseOverrideWhenConnectionMapsField() throws Exception {
        ObjectNode mapping = (ObjectNode) JSON.readTree("{\"track\": {\"data\": {\"@path\": \"$.context.page\"}}}");
        List<MappedRequest> out = mapper.map(event("track"), new MapperContext("d", settings(), Set.of(), mapping));
        assertThat(JSON.readTree(out.get(0).body()).get("data").toString()).isEqualTo("{\"url\":\"https://x.io\"}");
    }

    @Test
    void shouldUseDefaultWhenConnectionHasNoOverride() throws Exception {
        List<MappedRequest> out = mapper.map(event("track"), new MapperContext("d", settings()));
        assertThat(JSON.readTree(out.get(0).body()).get("data").toString()).isEqualTo("{\"plan\":\"pro\"}");
    }

    @Test
    void shouldSkipActionWhenConnectionDoesNotEnableIt() throws Exception {
        MapperContext onlyIdentify = new MapperContext("d", settings(), Set.of("identify"), null);
        assertThat(mapper.map(event("track"), onlyIdentify)).isEmpty();
        assertThat(mapper.map(event("identify"), onlyIdentify)).hasSize(1);
    }

    @Test
    void shouldNameEveryProblemWhenConnectionIsChecked() throws Exception {
        ObjectNode mapping = (ObjectNode) JSON.readTree(
                """
                {"track": {"data": {"@nope": 1}, "extra": {"@path": "$.x"}}, "page": {"a": 1}}""");
        assertThat(mapper.checkConnection(List.of("identify", "alias"), mapping))
                .extracting(SettingProblem::message)
                .anySatisfy(m -> assertThat(m).contains("'alias' is not an action of two"))
                .anySatisfy(m -> assertThat(m).contains("has no field 'extra'"))
                .anySatisfy(m -> assertThat(m).contains("'page' is not an action"))
                .anySatisfy(m -> assertThat(m).contains("invalid mapping"));
        assertThat(mapper.checkConnection(List.of("track"), JSON.createObjectNode()))
                .isEmpty();
    }

    private static ObjectNode settings() {
        return JSON.createObjectNode().put("url", "https://h.example/in");
    }

    private static ObjectNode event(String type) throws Exception {
        return (ObjectNode) JSON.readTree(
                """
                {"type": "%s", "messageId": "m1", "event": "Upgraded", "properties": {"plan": "pro"},
                 "traits": {"email": "a@b.c"}, "context": {"page": {"url": "https://x.io"}}}"""
                        .formatted(type));
    }
}
