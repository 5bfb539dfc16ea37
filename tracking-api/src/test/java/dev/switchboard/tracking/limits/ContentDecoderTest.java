/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecoderTest {

    private static final byte[] TEXT = "{\"event\":\"E\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldReturnTheBodyAsIsWhenThereIsNoEncoding() throws Exception {
        assertThat(ContentDecoder.decode(TEXT, null, 100)).isSameAs(TEXT);
        assertThat(ContentDecoder.decode(TEXT, "identity", 100)).isSameAs(TEXT);
    }

    @Test
    void shouldInflateWhenTheBodyIsGzipOrDeflate() throws Exception {
        assertThat(ContentDecoder.decode(gzip(TEXT), "gzip", 100)).isEqualTo(TEXT);
        assertThat(ContentDecoder.decode(gzip(TEXT), " GZIP ", 100)).isEqualTo(TEXT);
        assertThat(ContentDecoder.decode(deflate(TEXT), "deflate", 100)).isEqualTo(TEXT);
    }

    @Test
    void shouldStopAtTheLimitWhenTheInflatedBodyIsTooLarge() throws Exception {
        byte[] bomb = gzip(new byte[10_000_000]);
        assertThatThrownBy(() -> ContentDecoder.decode(bomb, "gzip", 32 * 1024))
                .isInstanceOfSatisfying(ContentDecoder.DecodeException.class, e -> assertThat(e.tooLarge())
                        .isTrue());
    }

    @Test
    void shouldRefuseWhenTheBodyIsNotWhatTheEncodingSays() {
        assertThatThrownBy(() -> ContentDecoder.decode(TEXT, "gzip", 100))
                .isInstanceOfSatisfying(ContentDecoder.DecodeException.class, e -> assertThat(e.tooLarge())
                        .isFalse());
        assertThatThrownBy(() -> ContentDecoder.decode(TEXT, "br", 100)).hasMessageContaining("br");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out)) {
            d.write(data);
        }
        return out.toByteArray();
    }
}
