/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine;

import static dev.switchboard.mappers.engine.DeclarativeMapperTest.files;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MappedRequest;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The action options beyond one JSON request per event: {@code each}, form bodies, {@code $userAgent}. */
class ActionOptionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String BATCHED =
            """
            slug: v
            name: V
            batching: { format: json-array, maxEvents: 10 }
            """;

    private static final String ORDER =
            """
            {"messageId":"m1","type":"track","event":"Order Completed","timestamp":"2024-05-01T09:00:00.000Z",
             "properties":{"products":[{"sku":"a","price":2},{"sku":"b","price":3}]}}""";

    @Test
    void shouldRenderOneBatchItemPerElementWhenTheActionHasEach() throws Exception {
        // Given an action sending one item per product, with the index in its arithmetic and ids
        String action =
                """
                trigger: type = "track"
                each: { '@path': $.properties.products }
                fields:
                  time: { '@math': { op: subtract, values: [ { '@datetime': { value: { '@path': $.timestamp }, format: unix-ms } }, { '@path': $index }, 1 ] } }
                request:
                  url: https://v.example/import
                  body:
                    event: Product Purchased
                    sku: { '@path': $item.sku }
                    time: { '@path': $fields.time }
                    insert_id: { '@template': '{{$index}}{{messageId}}' }
                """;
        DeclarativeMapper mapper = DestinationLoader.load("v", files(BATCHED, "product.yaml", action));

        // When it maps an order of two products
        List<MappedRequest> requests = mapper.map(event(ORDER), context());

        // Then two items, each its own element, index and time, sharing the event's messageId and batch key
        assertThat(requests).hasSize(2);
        assertThat(body(requests.get(0)))
                .isEqualTo(
                        JSON.readTree(
                                "{\"event\":\"Product Purchased\",\"sku\":\"a\",\"time\":1714553999999,\"insert_id\":\"0m1\"}"));
        assertThat(body(requests.get(1)).get("time").asLong()).isEqualTo(1714553999998L);
        assertThat(body(requests.get(1)).get("insert_id").asText()).isEqualTo("1m1");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r.messageIds()).containsExactly("m1");
            assertThat(r.batchKey()).isEqualTo(requests.get(0).batchKey());
        });
    }

    @Test
    void shouldRenderNothingWhenTheEachListIsMissing() throws Exception {
        String action =
                "trigger: all\neach: { '@path': $.properties.products }\nrequest: { url: 'https://v.example', body: {} }\n";
        DeclarativeMapper mapper = DestinationLoader.load("v", files(BATCHED, "p.yaml", action));
        assertThat(mapper.map(event("{\"messageId\":\"m1\",\"type\":\"track\"}"), context()))
                .isEmpty();
    }

    @Test
    void shouldWriteFormFieldsWhenTheEncodingIsForm() throws Exception {
        // Given a form-encoded action whose object field is sent as JSON text (Amplitude's groupidentify)
        String action =
                """
                trigger: type = "group"
                request:
                  url: https://v.example/groupidentify
                  encoding: form
                  body:
                    api_key: k&ey
                    identification: { group_type: org, group_value: { '@path': $.groupId }, n: 2.50 }
                    missing: { '@path': $.nothing }
                """;
        DeclarativeMapper mapper = DestinationLoader.load("v", files("slug: v\nname: V\n", "g.yaml", action));

        // When it maps a group call with an emoji in its id
        MappedRequest r = mapper.map(
                        event("{\"messageId\":\"m1\",\"type\":\"group\",\"groupId\":\"g \uD83C\uDFD4\"}"), context())
                .get(0);

        // Then the body is form fields in order, the object as compact JSON, and the content type says so
        assertThat(r.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> fields = form(new String(r.body(), StandardCharsets.US_ASCII));
        assertThat(fields.keySet()).containsExactly("api_key", "identification");
        assertThat(fields.get("api_key")).isEqualTo("k&ey");
        assertThat(fields.get("identification"))
                .isEqualTo("{\"group_type\":\"org\",\"group_value\":\"g \uD83C\uDFD4\",\"n\":2.5}");
        assertThat(r.batch()).isNull();
    }

    @Test
    void shouldRefuseFormEncodingWhenTheActionBatches() {
        String action = "trigger: all\nrequest: { url: 'https://v.example', encoding: form, body: {} }\n";
        assertThatThrownBy(() -> DestinationLoader.load("v", files(BATCHED, "g.yaml", action)))
                .isInstanceOf(DestinationDefinitionException.class)
                .hasMessageContaining("g.yaml")
                .hasMessageContaining("cannot batch");
        String other = "trigger: all\nrequest: { url: 'https://v.example', encoding: xml, body: {} }\n";
        assertThatThrownBy(() -> DestinationLoader.load("v", files("slug: v\nname: V\n", "g.yaml", other)))
                .hasMessageContaining("request.encoding must be json or form");
    }

    @Test
    void shouldExposeTheParsedUserAgentWhenTheEventCarriesUserAgentData() throws Exception {
        // Given client hints as Chrome sends them (a GREASE brand, Chromium, the browser), and the router's shape
        String action =
                """
                trigger: all
                request:
                  url: https://v.example
                  body: { '@path': $userAgent }
                """;
        DeclarativeMapper mapper = DestinationLoader.load("v", files("slug: v\nname: V\n", "a.yaml", action));
        String hints = "{\"messageId\":\"m1\",\"context\":{\"userAgentData\":{\"brands\":["
                + "{\"brand\":\"Not A(Brand\",\"version\":\"99\"},{\"brand\":\"Chromium\",\"version\":\"121\"},"
                + "{\"brand\":\"Google Chrome\",\"version\":\"121\"}],\"mobile\":false,\"platform\":\"macOS\","
                + "\"platformVersion\":\"14.2.0\",\"model\":\"\"}}}";
        String parsed = "{\"messageId\":\"m2\",\"context\":{\"userAgentData\":{\"brands\":["
                + "{\"brand\":\"Mobile Safari\",\"version\":\"17\"}],\"mobile\":true,\"platform\":\"iOS\"}}}";

        // When they map, Then $userAgent names the browser, its version, the OS, and whether it is mobile
        assertThat(body(mapper.map(event(hints), context()).get(0)))
                .isEqualTo(JSON.readTree("{\"browser\":\"Google Chrome\",\"browserVersion\":\"121\",\"os\":\"macOS\","
                        + "\"osVersion\":\"14.2.0\",\"mobile\":false}"));
        assertThat(body(mapper.map(event(parsed), context()).get(0)))
                .isEqualTo(JSON.readTree(
                        "{\"browser\":\"Mobile Safari\",\"browserVersion\":\"17\",\"os\":\"iOS\",\"mobile\":true}"));
        // and without userAgentData it is undefined
        assertThat(mapper.map(event("{\"messageId\":\"m3\"}"), context()).get(0).body())
                .isEmpty();
    }

    private static ObjectNode event(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static MapperContext context() {
        return new MapperContext("d", JSON.createObjectNode());
    }

    private static JsonNode body(MappedRequest r) throws Exception {
        return JSON.readTree(r.batch() == null ? r.body() : r.batch().item());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
