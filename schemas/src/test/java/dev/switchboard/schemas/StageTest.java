/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void shouldWriteLowerCaseNamesWhenOnTheWire() {
        assertThat(Stage.MAP.wireName()).isEqualTo("map");
        assertThat(Stage.DESERIALIZE.processorName()).isEqualTo("sb-deserialize");
    }

    @Test
    void shouldNameTheStageWhenGivenAnyOfItsProcessors() {
        assertThat(Stage.ofProcessor("sb-map")).isEqualTo(Stage.MAP);
        assertThat(Stage.ofProcessor("sb-map-rejected")).isEqualTo(Stage.MAP);
        assertThat(Stage.ofProcessor("sb-dedupe-store")).isEqualTo(Stage.DEDUPE);
    }

    @Test
    void shouldFallBackToTheRouterWhenTheProcessorIsNoStage() {
        assertThat(Stage.ofProcessor("KSTREAM-MAPVALUES-0000000003")).isEqualTo(Stage.ROUTER);
        assertThat(Stage.ofProcessor("sb-mapper")).isEqualTo(Stage.ROUTER);
        assertThat(Stage.ofProcessor(null)).isEqualTo(Stage.ROUTER);
    }
}
