/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonNumbersTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().addDecorator(JsonNumbers.decorator()).build())
            .build();

    /** Right column: what node's {@code JSON.stringify(JSON.parse(left))} prints. */
    @ParameterizedTest
    @CsvSource({
        "25.0, 25",
        "1.5e3, 1500",
        "19.990, 19.99",
        "0.1, 0.1",
        "-2.50, -2.5",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "1.25e-7, 1.25e-7",
        "123456.789, 123456.789",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.5e300, 1.5e+300",
        "0.30000000000000004, 0.30000000000000004",
        "-0.0, 0",
        "12, 12",
        "12345678901234567890, 12345678901234567890"
    })
    void shouldWriteNumbersAsJavaScriptDoes(String in, String out) throws Exception {
        assertThat(MAPPER.writeValueAsString(MAPPER.readTree("{\"n\":" + in + "}")))
                .isEqualTo("{\"n\":" + out + "}");
    }

    @ParameterizedTest
    @CsvSource({"1e400, null"})
    void shouldWriteNullForWhatJavaScriptCannotHold(String in, String out) throws Exception {
        assertThat(MAPPER.writeValueAsString(MAPPER.readTree("{\"n\":" + in + "}")))
                .isEqualTo("{\"n\":" + out + "}");
    }

    @Test
    void shouldWriteCharactersOutsideTheBmpAsUtf8BytesWhenWritingBytes() throws Exception {
        // given: a mountain emoji (U+1F3D4, a surrogate pair in Java) and a BMP character
        ObjectMapper mapper = JsonNumbers.mapper();
        String text = "{\"name\":\"Summit \uD83C\uDFD4 caf\u00e9\"}";

        // when
        byte[] bytes = mapper.writeValueAsBytes(mapper.readTree(text));

        // then: the bytes JSON.stringify's text encodes to, never the escape \\uD83C\\uDFD4
        assertThat(bytes).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).doesNotContain("\\u");
    }

    @Test
    void shouldFormatPlainNumbersAsTheGeneralWayDoes() {
        // The plain-notation shortcut of format against the general way, on values of every magnitude.
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double v =
                    switch (i % 4) {
                        case 0 -> Double.longBitsToDouble(random.nextLong());
                        case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(20) - 6);
                        case 2 -> Math.round(random.nextDouble() * 1e7) / 100.0;
                        default -> (double) random.nextInt();
                    };
            if (Double.isFinite(v) && v != 0) {
                assertThat(JsonNumbers.format(v)).as("%s", v).isEqualTo(JsonNumbers.general(v));
            }
        }
    }
}
