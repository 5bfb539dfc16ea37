/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonPathTest {

    @Test
    void shouldNameTheFieldWhenPathHasIndexesAndNamedRoot() throws Exception {
        // Given paths with an index and a named root
        JsonPath indexed = JsonPath.parse("$.properties.products[0].price");
        JsonPath named = JsonPath.parse("$settings.apiKey");
        // When / Then
        assertThat(indexed.field()).isEqualTo("properties.products[0].price");
        assertThat(named.rootName()).isEqualTo("settings");
        assertThat(named.field()).isEqualTo("settings.apiKey");
        assertThat(JsonPath.parse("$.").field()).isEqualTo("event");
    }
}
