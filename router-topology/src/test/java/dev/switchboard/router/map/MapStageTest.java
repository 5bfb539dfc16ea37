/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Routed;
import dev.switchboard.router.testing.EchoMapper;
import dev.switchboard.schemas.avro.DestinationRequest;
import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.LookupSpec;
import dev.switchboard.workspace.Route;
import dev.switchboard.workspace.config.DestinationConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class MapStageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldHandTheArchivedTextToTheMapperWhenNoFilterChangedTheEvent() throws Exception {
        // Given an enriched event whose text was written once, for the archive
        Enriched e = enriched("{\"messageId\":\"m1\",\"type\":\"track\",\"event\":\"Bought\",\"userId\":\"u\"}");
        // When a route with no filter maps it
        DestinationRequest r =
                MapStage.map(new Routed(e, route(), e.json())).get(0).value();
        // Then the request's body is that text: the very bytes, not a copy written again
        assertThat(r.getBody()).isEqualTo(ByteBuffer.wrap(e.text()));
        assertThat(r.getBody().array()).isSameAs(e.text());
    }

    @Test
    void shouldWriteTheRoutesOwnCopyWhenAFilterChangedIt() throws Exception {
        // Given a route whose filter dropped a property, so its copy differs from the archived event
        Enriched e = enriched("{\"messageId\":\"m1\",\"type\":\"track\",\"properties\":{\"secret\":1,\"a\":2}}");
        ObjectNode filtered = e.json().deepCopy();
        ((ObjectNode) filtered.get("properties")).remove("secret");
        // When it maps
        DestinationRequest r =
                MapStage.map(new Routed(e, route(), filtered)).get(0).value();
        // Then the body is the filtered copy, never the archived text
        assertThat(StandardCharsets.UTF_8.decode(r.getBody()).toString())
                .isEqualTo("{\"messageId\":\"m1\",\"type\":\"track\",\"properties\":{\"a\":2}}");
    }

    @Test
    void shouldCarryTheLookupIntoTheRecordWhenTheMapperMadeOne() throws Exception {
        // Given an event the echo mapper answers with a read before the write
        Enriched e = enriched("{\"messageId\":\"m1\",\"type\":\"identify\",\"properties\":{\"lookup\":true}}");
        // When it maps
        DestinationRequest r =
                MapStage.map(new Routed(e, route(), e.json())).get(0).value();
        // Then the record holds the read, the path, the statuses and the request for none found
        LookupSpec l = r.getLookup();
        assertThat(r.getUrl()).isEqualTo("https://h.example/in/{lookup}");
        assertThat(l.getRequest().getUrl()).isEqualTo("https://h.example/in/search");
        assertThat(StandardCharsets.UTF_8.decode(l.getRequest().getBody()).toString())
                .isEqualTo("{\"q\":1}");
        assertThat(l.getFound()).isEqualTo("$.data[*].id");
        assertThat(l.getNotFound()).containsExactly(404);
        assertThat(l.getOtherwise().getHeaders()).containsEntry("X-Tag", "create");
        assertThat(l.getRetry()).containsExactly(409);
        // and a request without one carries none
        Enriched plain = enriched("{\"messageId\":\"m2\",\"type\":\"track\"}");
        assertThat(MapStage.map(new Routed(plain, route(), plain.json()))
                        .get(0)
                        .value()
                        .getLookup())
                .isNull();
    }

    private static Route route() {
        ObjectNode settings =
                JSON.createObjectNode().put("url", "https://h.example/in").put("tag", "t");
        return new Route(
                new DestinationConfig("d1", "echo", "Echo", true, settings),
                new EchoMapper(),
                new MapperContext("d1", settings),
                UnaryOperator.identity());
    }

    private static Enriched enriched(String json) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(json);
        byte[] text = JSON.writeValueAsBytes(tree);
        Event event = Event.newBuilder()
                .setMessageId("m1")
                .setType("track")
                .setWorkspaceId("w")
                .setSourceId("s")
                .setReceivedAt(Instant.EPOCH)
                .setTimestamp(Instant.EPOCH)
                .setJson(new String(text, StandardCharsets.UTF_8))
                .build();
        return new Enriched(event, tree, text);
    }
}
