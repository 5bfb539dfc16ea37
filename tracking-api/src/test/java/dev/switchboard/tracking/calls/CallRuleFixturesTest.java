/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.calls.RuleFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The call rules' one fixture set, sent through the API's own path: a batch of that one call. */
class CallRuleFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final CallSplitter splitter = new CallSplitter(JSON, 32 * 1024, 2500);
    private final BodyParser parser = new BodyParser(Json.mapper());

    static List<RuleFixtures.Case> cases() {
        return RuleFixtures.all(Path.of(""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldJudgeEachCallAsTheRuleFixtureSaysWhenItArrivesInABatch(RuleFixtures.Case c) throws Exception {
        // Given a batch of the one call
        ObjectNode body = JSON.createObjectNode();
        body.putArray("batch").add(c.call().deepCopy());
        byte[] bytes = JSON.writeValueAsBytes(body);

        // When the API reads and splits it
        SplitResult result = splitter.batch(parser.parse(bytes));

        // Then it is accepted, or refused with the fixture's code
        String code = result.rejected().isEmpty()
                ? "ok"
                : result.rejected().get(0).rejection().code();
        assertThat(code).as(c.description()).isEqualTo(c.expected());
    }
}
