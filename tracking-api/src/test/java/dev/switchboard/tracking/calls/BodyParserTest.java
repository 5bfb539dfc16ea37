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
        assertThat(parsed.itemSizes())
                .containsExactly(
                        first.getBytes(StandardCharsets.UTF_8).length,
                        second.getBytes(StandardCharsets.UTF_8).length,
                        third.getBytes(StandardCharsets.UTF_8).length);
        assertThat(parsed.root().get("batch")).hasSize(3);
        assertThat(parsed.root().get("writeKey").asText()).isEqualTo("k");
        assertThat(parsed.root().get("x").asInt()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheLastValueWhenAKeyIsRepeatedAsJsonParseDoes() throws Exception {
        assertThat(parser.parse(bytes("{\"event\":\"A\",\"event\":\"B\"}"))
                        .root()
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
        assertThat(parser.parse(bytes(deepest)).root().get("p").isArray()).isTrue();
        // When one level more, or a number one digit longer than allowed, is sent
        String tooDeep = "{\"p\":" + "[".repeat(levels + 1) + "]".repeat(levels + 1) + "}";
        String tooLong = "{\"n\":" + "9".repeat(JsonLimits.MAX_NUMBER_LENGTH + 1) + "}";
        // Then the body is refused with the limit named, not accepted for the router to drop later
        assertThatThrownBy(() -> parser.parse(bytes(tooDeep))).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> parser.parse(bytes(tooLong))).hasMessageContaining("Number value length");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
