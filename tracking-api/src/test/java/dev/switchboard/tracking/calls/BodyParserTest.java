/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.schemas.JsonLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyParserTest {

    private final BodyParser parser = new BodyParser(Json.mapper());

    @Test
    void shouldMeasureEachBatchItemInBytesAsSentWhenParsingABatch() throws Exception {
        // Given: items of 2, 13 and 16 bytes (é is two bytes), with spaces between them
        String first = "{}";
        String second = "{\"a\": [1, 2]}";
        String third = "{\"name\":\"café\"}";
        byte[] body = ("{\"writeKey\":\"k\", \"batch\": [ " + first + " , " + second + "," + third + " ], \"x\":1}")
                .getBytes(StandardCharsets.UTF_8);

        // When
        BodyParser.ParsedBody parsed = parser.parse(body);

        // Then
        assertThat(parsed.items())
                .extracting(BodyParser.BatchItem::sizeAsSent)
                .containsExactly(
                        first.getBytes(StandardCharsets.UTF_8).length,
                        second.getBytes(StandardCharsets.UTF_8).length,
                        third.getBytes(StandardCharsets.UTF_8).length);
        assertThat(parsed.items()).hasSize(3);
        assertThat(parsed.root().fields().get("writeKey").asText()).isEqualTo("k");
        assertThat(parsed.root().fields().get("x").asInt()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheLastValueWhenAKeyIsRepeatedAsJsonParseDoes() throws Exception {
        assertThat(parser.parse(bytes("{\"event\":\"A\",\"event\":\"B\"}"))
                        .root()
                        .fields()
                        .get("event")
                        .asText())
                .isEqualTo("B");
    }

    @Test
    void shouldRefuseWhenTheBodyIsNotExactlyOneObject() {
        assertThatThrownBy(() -> parser.parse(bytes(""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(bytes("[]"))).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parser.parse(bytes("{} {}"))).hasMessageContaining("after");
        assertThatThrownBy(() -> parser.parse(bytes("{\"a\":"))).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parser.parse(bytes("{\"batch\":[{},"))).hasMessageContaining("not valid JSON");
    }

    @Test
    void shouldRefuseNestingAndNumbersBeyondTheLimitsTheRouterReadsWith() throws Exception {
        // Given: an event nested exactly to the limit (the body's own object is level 1)
        int levels = JsonLimits.MAX_NESTING_DEPTH - 1;
        String deepest = "{\"p\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
        assertThat(parser.parse(bytes(deepest)).root().fields().get("p").isArray())
                .isTrue();
        // When one level more, or a number one digit longer than allowed, is sent
        String tooDeep = "{\"p\":" + "[".repeat(levels + 1) + "]".repeat(levels + 1) + "}";
        String tooLong = "{\"n\":" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}";
        // Then the body is refused with the limit named, not accepted for the router to drop later
        assertThatThrownBy(() -> parser.parse(bytes(tooDeep))).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> parser.parse(bytes(tooLong))).hasMessageContaining("Number value length");
    }

    @Test
    void shouldCheckInsidePropertiesAndTraitsWhenItLeavesThemOutOfTheTree() throws Exception {
        // Given: the limits and the syntax broken only inside the objects the tree leaves out
        int levels = JsonLimits.MAX_NESTING_DEPTH - 1;
        String tooDeep = "{\"batch\":[{\"properties\":{\"p\":" + "[".repeat(levels) + "]".repeat(levels) + "}}]}";
        String tooLong = "{\"traits\":{\"n\":" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}}";
        String broken = "{\"properties\":{\"a\":[1,}}";

        // Then each is refused as the whole body would be
        assertThatThrownBy(() -> parser.parse(bytes(tooDeep))).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> parser.parse(bytes(tooLong))).hasMessageContaining("Number value length");
        assertThatThrownBy(() -> parser.parse(bytes(broken))).hasMessageContaining("not valid JSON");
        // And a good one is in the tree as an empty object, for the rules that only ask whether it is one
        assertThat(parser.parse(bytes("{\"properties\":{\"a\":1}}"))
                        .root()
                        .fields()
                        .get("properties"))
                .isEmpty();
    }

    @Test
    void shouldLocateEachFieldAsSentWhenScanningACall() throws Exception {
        // Given: spaces, line breaks and a multi-byte character around and inside the fields
        String body = "{ \"event\" : \"café\" ,\n\t\"properties\": {\"total\": 1.50},\"n\":1e3 }";
        byte[] bytes = bytes(body);

        // When
        ScannedCall call = parser.parse(bytes).root();

        // Then each field's text is the client's, from its name to the end of its value
        assertThat(call.names()).containsExactly("event", "properties", "n");
        assertThat(fieldText(call, 0)).isEqualTo("\"event\" : \"café\"");
        assertThat(fieldText(call, 1)).isEqualTo("\"properties\": {\"total\": 1.50}");
        assertThat(fieldText(call, 2)).isEqualTo("\"n\":1e3");
        assertThat(call.sizeAsSent()).isEqualTo(bytes.length);
    }

    private static String fieldText(ScannedCall call, int i) {
        return new String(call.bytes(), call.from()[i], call.to()[i] - call.from()[i], StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
