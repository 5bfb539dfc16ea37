/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calls.RuleFixtures;
import dev.switchboard.router.errors.Outcome;
import dev.switchboard.router.internal.Parsed;
import dev.switchboard.schemas.avro.RawCall;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The call rules' one fixture set, through the router's validate step: it judges as the API does. */
class CallRuleFixturesTest {

    static List<RuleFixtures.Case> cases() {
        return RuleFixtures.all(Path.of(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldJudgeEachCallAsTheRuleFixtureSaysWhenTheRouterValidatesIt(RuleFixtures.Case c) {
        // Given the call as the router parsed it
        RawCall raw = RawCall.newBuilder()
                .setMessageId("m-" + c.name())
                .setWorkspaceId("ws")
                .setSourceId("web")
                .setReceivedAt(Instant.parse("2026-01-01T12:00:00Z"))
                .setPayload(c.call().toString())
                .setPath("/v1/batch")
                .build();

        // When
        Outcome<Parsed> outcome =
                ValidateStage.validate(new Parsed(raw, c.call().deepCopy()));

        // Then
        String code = outcome.isRejected() ? outcome.rejected().getCode() : "ok";
        assertThat(code).as(c.description()).isEqualTo(c.expected());
    }
}
