/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteKeysTest {

    @Test
    void shouldReadTheBasicUserWhenThePasswordIsEmpty() {
        // Segment's documented example: base64("abc123:")
        assertThat(WriteKeys.find("Basic YWJjMTIzOg==", null, null)).isEqualTo("abc123");
    }

    @Test
    void shouldAcceptABasicValueWithoutColonWhenAnOldClientSendsIt() {
        assertThat(WriteKeys.find("basic YWJjMTIz", null, null)).isEqualTo("abc123");
    }

    @Test
    void shouldPreferBasicThenHeaderThenBodyWhenSeveralAreGiven() {
        assertThat(WriteKeys.find("Basic YWJjMTIzOg==", "header", "body")).isEqualTo("abc123");
        assertThat(WriteKeys.find(null, "header", "body")).isEqualTo("header");
        assertThat(WriteKeys.find("Bearer token", null, "body")).isEqualTo("body");
    }

    @Test
    void shouldFindNothingWhenAuthIsMalformedAndNoOtherKeyIsGiven() {
        assertThat(WriteKeys.find("Basic !!!", null, null)).isNull();
        assertThat(WriteKeys.find("Basic Og==", null, null)).isNull();
        assertThat(WriteKeys.find("Bas", " ", "")).isNull();
        assertThat(WriteKeys.find(null, null, null)).isNull();
    }
}
