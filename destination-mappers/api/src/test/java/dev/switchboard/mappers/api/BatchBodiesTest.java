/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.mappers.api.BatchSpec.Format;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchBodiesTest {

    private static final String ITEM = "{\"event\":\"Summit \uD83C\uDFD4\",\"n\":1e+21,\"small\":0.000001,\"p\":19.99}";

    private static List<byte[]> items(String... json) {
        return List.of(json).stream()
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void shouldJoinItemsWithCommasWhenTheFormatIsJsonArray() {
        assertThat(text(BatchBodies.combine(Format.JSON_ARRAY, null, null, items("{\"a\":1}", "{\"b\":2}"))))
                .isEqualTo("[{\"a\":1},{\"b\":2}]");
    }

    @Test
    void shouldEndEveryLineWithOneNewlineWhenTheFormatIsNdjson() {
        // Given: one item already ending with a newline, one without
        List<byte[]> items = items("{\"a\":1}\n", "{\"b\":2}");

        // Then: both end with exactly one, the last one too
        assertThat(text(BatchBodies.combine(Format.NDJSON, null, null, items))).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
    }

    @Test
    void shouldCopyItemsByteForByteWhenTheFormatIsWrapped() {
        // When
        byte[] body = BatchBodies.combine(Format.WRAPPED, "{\"api_key\":\"k\"}", "events", items(ITEM, "{\"b\":2}"));

        // Then: emoji stay UTF-8 (not \\uD83C) and numbers as written (not 1.0E21 or 1.0E-6)
        assertThat(text(body)).isEqualTo("{\"api_key\":\"k\",\"events\":[" + ITEM + ",{\"b\":2}]}");
    }

    @Test
    void shouldPlaceItemsInsideExistingObjectsWhenTheWrapperPathIsDotted() {
        byte[] body = BatchBodies.combine(
                Format.WRAPPED, "{\"data\":{\"type\":\"bulk\"},\"v\":1}", "data.items", items("{\"a\":1}"));
        assertThat(text(body)).isEqualTo("{\"data\":{\"type\":\"bulk\",\"items\":[{\"a\":1}]},\"v\":1}");
    }

    @Test
    void shouldWriteTheSameBytesForASpecAsForItsParts() {
        BatchSpec spec = new BatchSpec(ITEM.getBytes(StandardCharsets.UTF_8), Format.WRAPPED, "{}", "batch", 10, 1000);
        assertThat(BatchBodies.combine(spec, List.of(spec.item())))
                .isEqualTo(BatchBodies.combine(Format.WRAPPED, "{}", "batch", List.of(spec.item())));
    }

    @Test
    void shouldRefuseAWrappedBatchWhenItsWrapperIsMissingOrNotAnObject() {
        assertThatThrownBy(() -> BatchBodies.combine(Format.WRAPPED, null, "batch", items("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a wrapper");
        assertThatThrownBy(() -> BatchBodies.combine(Format.WRAPPED, "[1]", "batch", items("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> BatchBodies.combine(Format.WRAPPED, "{", "batch", items("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
    }
}
