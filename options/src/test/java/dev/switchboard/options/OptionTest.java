/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionTest {

    private static final Option<Integer> THREADS =
            Option.key("switchboard.x.threads").intType().atLeast(1).defaultValue(2);
    private static final Option<Integer> PORT =
            Option.key("switchboard.x.port").intType().between(0, 65535).defaultValue(8080);
    private static final Option<Duration> TIMEOUT = Option.key("switchboard.x.shutdown-timeout")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(30));

    @Test
    void shouldNameTheKeyAndTheRuleWhenAValueBreaksIt() {
        assertThatThrownBy(() -> THREADS.parse("0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid value '0' for switchboard.x.threads: must be at least 1");
        assertThatThrownBy(() -> PORT.parse("70000")).hasMessageEndingWith("must be from 0 to 65535");
        assertThatThrownBy(() -> TIMEOUT.parse("0s")).hasMessageEndingWith("must be at least 1ms");
        assertThat(PORT.parse("0")).isZero();
        assertThat(TIMEOUT.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldRefuseANegativeDurationWhenWrittenInIso8601() {
        Option<Duration> any = Option.key("switchboard.x.linger").durationType();
        assertThatThrownBy(() -> any.parse("PT-5S")).hasMessageContaining("cannot be negative");
    }

    @Test
    void shouldFailAtDeclarationWhenTheDefaultBreaksTheRule() {
        assertThatThrownBy(
                        () -> Option.key("switchboard.x.n").intType().atLeast(1).defaultValue(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("switchboard.x.n");
    }

    @Test
    void shouldWriteDefaultsAndRulesAsAUserWritesThemWhenDocumented() {
        assertThat(TIMEOUT.defaultText()).isEqualTo("30s");
        assertThat(TIMEOUT.rule()).isEqualTo("at least 1ms");
        assertThat(Option.key("switchboard.x.w")
                        .durationType()
                        .defaultValue(Duration.ofHours(24))
                        .defaultText())
                .isEqualTo("1d");
        assertThat(Option.key("switchboard.x.s").intType().defaultText()).isEmpty();
    }

    @Test
    void shouldSuggestTheClosestKeyWhenAKeyIsUnknown() {
        assertThatThrownBy(() ->
                        OptionSet.read("switchboard.x.", List.of(THREADS, PORT), Map.of("switchboard.x.thread", "3")))
                .hasMessage("unknown option 'switchboard.x.thread' (did you mean 'switchboard.x.threads'?)");
    }

    @Test
    void shouldApplyTheRuleWhenPropertiesAreRead() {
        assertThatThrownBy(
                        () -> OptionSet.read("switchboard.x.", List.of(THREADS), Map.of("switchboard.x.threads", "-1")))
                .hasMessageContaining("must be at least 1");
        OptionSet set = OptionSet.read("switchboard.x.", List.of(THREADS), Map.of("switchboard.x.threads", "4"));
        assertThat(set.get(THREADS)).isEqualTo(4);
    }
}
