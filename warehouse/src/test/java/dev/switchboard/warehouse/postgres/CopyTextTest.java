/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CopyText} writes the bytes that escaping into a String and {@link String#getBytes} give. */
class CopyTextTest {

    @Test
    void shouldWriteTheBytesOfTheEscapedUtf8TextWhenGivenAnyString() {
        Random random = new Random(42);
        String alphabet = "ab\\\t\n\r é€😀\ud800\udc00\ud83d\u0000\udc01x";
        for (int n = 0; n < 5000; n++) {
            StringBuilder v = new StringBuilder();
            int len = random.nextInt(n < 10 ? 3 : 400);
            for (int i = 0; i < len; i++) {
                v.append(
                        random.nextInt(4) == 0
                                ? (char) random.nextInt(0x10000)
                                : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            CopyText out = new CopyText(null);
            out.value(v.toString());
            out.tab();
            out.value(null);
            assertThat(out.bytes())
                    .as(v.toString())
                    .isEqualTo((escaped(v.toString()) + "\t\\N").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldGrowPastItsChunkWhenOneValueIsLarger() throws Exception {
        String big = "é".repeat(CopyText.CHUNK);
        CopyText out = new CopyText(null);
        out.value(big);
        assertThat(out.bytes()).isEqualTo(big.getBytes(StandardCharsets.UTF_8));
    }

    /** COPY's text escapes, as the loader wrote them before into a StringBuilder. */
    private static String escaped(String v) {
        return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
