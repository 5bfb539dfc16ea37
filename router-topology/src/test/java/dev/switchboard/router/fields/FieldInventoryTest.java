/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.router.testing.RouterDriver;
import dev.switchboard.schemas.avro.FieldSeen;
import dev.switchboard.schemas.avro.RawCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** The field inventory through the whole router topology: what reaches {@code sb.fields}, and when. */
class FieldInventoryTest {

    private static final Instant T = Instant.parse("2026-01-01T12:00:00.500Z");

    @Test
    void shouldReportEachNewPathWithItsTypesAndPiiOnceAndNotAgainWhenSeenAgain() throws Exception {
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            String properties = "{\"price\":9.5,\"qty\":2,\"contact\":\"ann@example.com\","
                    + "\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}],\"a/b\":true}";
            router.send("u1", call("m1", properties, T));

            List<TestRecord<String, FieldSeen>> first = router.fields();
            Map<String, FieldSeen> byPath = byPath(first);
            assertThat(byPath.keySet())
                    .containsExactly(
                            "/context",
                            "/context/ip",
                            "/properties",
                            "/properties/a~1b",
                            "/properties/contact",
                            "/properties/items",
                            "/properties/items[]",
                            "/properties/items[]/sku",
                            "/properties/price",
                            "/properties/qty");
            assertThat(byPath.get("/properties/price").getTypes()).containsExactly("number");
            assertThat(byPath.get("/properties/qty").getTypes()).containsExactly("integer");
            assertThat(byPath.get("/properties/items").getTypes()).containsExactly("array");
            assertThat(byPath.get("/properties/items[]").getTypes()).containsExactly("object");
            FieldSeen contact = byPath.get("/properties/contact"); // by its value
            assertThat(contact.getPii()).isEqualTo("email");
            assertThat(contact.getClassification()).isEqualTo("yellow");
            FieldSeen ip = byPath.get("/context/ip"); // by its key
            assertThat(ip.getPii()).isEqualTo("ip");
            assertThat(byPath.get("/properties/price").getPii()).isNull();
            assertThat(contact.getFirstSeen()).isEqualTo(T);
            assertThat(contact.getLastSeen()).isEqualTo(T);
            assertThat(first).allSatisfy(r -> assertThat(r.key())
                    .isEqualTo("web/" + r.value().getTask() + "/" + r.value().getPath()));

            router.send("u1", call("m2", properties, T.plusSeconds(60)));
            assertThat(router.fields()).isEmpty();
        }
    }

    @Test
    void shouldReportAPathAgainWhenItGainsATypeOrItsLastSeenIsDue() throws Exception {
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            router.send("u1", call("m1", "{\"price\":9.5}", T));
            router.fields();

            router.send("u1", call("m2", "{\"price\":\"9.50\"}", T.plusSeconds(1)));
            List<TestRecord<String, FieldSeen>> typeChange = router.fields();
            assertThat(typeChange).hasSize(1);
            assertThat(typeChange.get(0).value().getPath()).isEqualTo("/properties/price");
            assertThat(typeChange.get(0).value().getTypes()).containsExactly("string", "number");
            assertThat(typeChange.get(0).value().getFirstSeen()).isEqualTo(T);

            Instant later = T.plus(FieldsStage.LAST_SEEN_INTERVAL).plusSeconds(2);
            router.send("u1", call("m3", "{\"price\":1}", later)); // integer: a new type as well
            router.send("u1", call("m4", "{\"price\":2}", later.plusSeconds(1)));
            Map<String, FieldSeen> due = byPath(router.fields());
            assertThat(due.keySet()).containsExactly("/context", "/context/ip", "/properties", "/properties/price");
            assertThat(due.values()).allSatisfy(f -> assertThat(f.getLastSeen()).isEqualTo(later));
        }
    }

    @Test
    void shouldKeepAtMostTheCapOfPathsPerSource() throws Exception {
        try (RouterDriver router = new RouterDriver().withWorkspace(RouterDriver.WORKSPACE_YAML)) {
            int perEvent = 1_000;
            int events = FieldsStage.MAX_PATHS_PER_SOURCE / perEvent + 2;
            for (int e = 0; e < events; e++) {
                int n = e;
                String properties = IntStream.range(0, perEvent)
                        .mapToObj(i -> "\"f" + n + "_" + i + "\":1")
                        .collect(Collectors.joining(",", "{", "}"));
                router.send("u1", call("m" + e, properties, T.plusSeconds(e)));
            }
            List<TestRecord<String, FieldSeen>> all = router.fields();
            assertThat(all).hasSize(FieldsStage.MAX_PATHS_PER_SOURCE);
            assertThat(all.stream().map(r -> r.value().getPath()).distinct()).hasSize(FieldsStage.MAX_PATHS_PER_SOURCE);

            router.send("u1", call("late", "{\"brand_new\":1}", T.plusSeconds(100)));
            assertThat(router.fields()).isEmpty();
        }
    }

    @Test
    void shouldNotGrowPastTheCapNorBuildPathsBeyondIt() {
        FieldInventory inventory = new FieldInventory(3, Duration.ofHours(1).toMillis());
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) dev.switchboard.router.support.Json.MAPPER
                .createObjectNode()
                .set(
                        "properties",
                        dev.switchboard.router.support.Json.MAPPER
                                .createObjectNode()
                                .put("a", 1)
                                .put("b", 2)
                                .put("c", 3));
        List<FieldNode> changed = new java.util.ArrayList<>();
        int dropped =
                inventory.observe("web", json, 0, dev.switchboard.workspace.privacy.PiiCatalog.BUILT_IN_ONLY, changed);
        assertThat(changed).extracting(n -> n.path).containsExactly("/properties", "/properties/a", "/properties/b");
        assertThat(dropped).isEqualTo(1);
        assertThat(inventory.size("web")).isEqualTo(3);
    }

    private static Map<String, FieldSeen> byPath(List<TestRecord<String, FieldSeen>> records) {
        return records.stream()
                .map(TestRecord::value)
                .collect(Collectors.toMap(FieldSeen::getPath, f -> f, (a, b) -> b, TreeMap::new));
    }

    private static RawCall call(String messageId, String properties, Instant at) {
        String json = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Bought\",\"messageId\":\"" + messageId
                + "\",\"properties\":" + properties + "}";
        return new RawCall(json, messageId, at, null, "acme", "web", "203.0.113.9", "curl/8", "/v1/track");
    }
}
