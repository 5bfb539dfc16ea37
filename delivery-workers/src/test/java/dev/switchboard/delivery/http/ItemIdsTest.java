/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemIdsTest {

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadEachItemsIdWhenThePathReachesOneScalar() {
        // Given HubSpot inputs as sent, one with a number as id, one NDJSON line
        List<byte[]> items = List.of(
                json("{\"idProperty\":\"email\",\"id\":\"ada@example.com\",\"properties\":{}}"),
                json("{\"id\":42}"),
                json("{\"id\":\"line\"}\n"));

        // Then each id is its text
        assertThat(ItemIds.read(items, "$.id")).containsExactly("ada@example.com", "42", "line");
    }

    @Test
    void shouldGiveNoIdWhenTheItemIsNotJsonOrThePathReachesNoSingleScalar() {
        List<byte[]> items = Arrays.asList(
                json("not json"),
                json("{\"other\":1}"),
                json("{\"id\":null}"),
                json("{\"id\":{\"v\":1}}"),
                json(""),
                null);
        assertThat(ItemIds.read(items, "$.id")).containsExactly(null, null, null, null, null, null);
        assertThat(ItemIds.read(List.of(json("{\"id\":1}")), null)).containsExactly((String) null);
    }
}
