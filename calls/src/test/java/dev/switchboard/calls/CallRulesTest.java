/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CallRulesTest {

    static List<RuleFixtures.Case> cases() {
        return RuleFixtures.all(Path.of(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldGiveTheFixturesCodeWhenACallIsChecked(RuleFixtures.Case c) {
        // Given
        ObjectNode call = c.call().deepCopy();

        // When
        Optional<Rejection> rejection = CallType.fromWire(call.path("type").asText(null))
                .map(type -> CallRules.check(call, type))
                .orElseGet(() -> Optional.of(CallRules.unknownType()));

        // Then
        assertThat(rejection.map(Rejection::code).orElse("ok"))
                .as(c.description())
                .isEqualTo(c.expected());
        rejection.ifPresent(r -> assertThat(r.message()).contains(r.field()));
    }

    @Test
    void shouldWriteIntegralIdsAsStringsAndDropNullIdsWhenNormalized() {
        // Given a group with an integral groupId, a numeric messageId and a null anonymousId
        ObjectNode call = cases().stream()
                .filter(c -> c.name().equals("group-numeric-group-id"))
                .findFirst()
                .orElseThrow()
                .call()
                .deepCopy();
        call.put("messageId", 7).putNull("anonymousId");

        // When
        CallRules.normalize(call, CallType.GROUP);

        // Then
        assertThat(call.get("groupId").isTextual()).isTrue();
        assertThat(call.get("groupId").textValue()).isEqualTo("42");
        assertThat(call.get("messageId").textValue()).isEqualTo("7");
        assertThat(call.has("anonymousId")).isFalse();
        assertThat(call.get("type").textValue()).isEqualTo("group");
    }
}
