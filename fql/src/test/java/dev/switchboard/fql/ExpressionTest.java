/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAcceptSourceWhenExactlyFiveKilobytes() throws Exception {
        String prefix = "event = '";
        String source = prefix + "x".repeat(Fql.MAX_SOURCE_BYTES - prefix.length() - 1) + "'";

        assertThat(source.length()).isEqualTo(5120);
        assertThat(Fql.parse(source).source()).isEqualTo(source);
    }

    @Test
    void shouldRejectAtFirstExcessCharacterWhenLongerThanFiveKilobytes() {
        String source = "event = '" + "ア".repeat(2000) + "'";

        assertThatExceptionOfType(FqlException.class)
                .isThrownBy(() -> Fql.parse(source))
                .satisfies(e -> assertThat(e.position()).isEqualTo(9 + (5120 - 9) / 3))
                .withMessageContaining("longer than 5120 bytes");
    }

    @Test
    void shouldRejectWhenSourceIsNull() {
        assertThatExceptionOfType(FqlException.class).isThrownBy(() -> Fql.parse(null));
    }

    @Test
    void shouldNeverMatchNorThrowWhenEventIsNullOrNotAnObject() throws Exception {
        Expression expression = Fql.parse("type = 'track' or !contains(event, 'x')");

        assertThat(Fql.parse("type = null").matches(null)).isTrue();
        assertThat(expression.evaluate(null).isBoolean()).isTrue();
        assertThat(expression.matches(JSON.readTree("[1, 2]"))).isTrue();
        assertThat(Fql.parse("type = 'track'").matches(JSON.readTree("\"track\"")))
                .isFalse();
    }

    @Test
    void shouldMatchOnlyBooleanTrueWhenResultIsAnotherValue() throws Exception {
        JsonNode event = JSON.readTree("{\"s\": \"true\", \"n\": 1, \"b\": true}");

        assertThat(Fql.parse("s").matches(event)).isFalse();
        assertThat(Fql.parse("n").matches(event)).isFalse();
        assertThat(Fql.parse("b").matches(event)).isTrue();
        assertThat(Fql.parse("missing").evaluate(event).isNull()).isTrue();
    }

    @Test
    void shouldGiveSameResultsWhenSharedAcrossThreads() throws Exception {
        Expression expression = Fql.parse("match(event, 'Order *') and properties.total >= 10 "
                + "and lowercase(properties.currency) in ['usd', 'eur']");
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            events.add(JSON.readTree("{\"event\": \"Order " + i + "\", \"properties\": {\"total\": " + i
                    + ", \"currency\": \"" + (i % 3 == 0 ? "USD" : "gbp") + "\"}}"));
        }
        List<Boolean> expected = events.stream().map(expression::matches).toList();
        assertThat(expected).contains(true, false);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Boolean>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(
                        () -> events.stream().map(expression::matches).toList()));
            }
            for (Future<List<Boolean>> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldEvaluateWhenFlatChainFillsFiveKilobytes() throws Exception {
        String term = "properties.n != 1 and ";
        String source = term.repeat(5000 / term.length()) + "true";
        Expression expression = Fql.parse(source);

        assertThat(expression.matches(JSON.readTree("{\"properties\": {\"n\": 2}}")))
                .isTrue();
        assertThat(expression.matches(JSON.readTree("{\"properties\": {\"n\": 1}}")))
                .isFalse();
    }

    @Test
    void shouldNotLeakSharedStateWhenResultIsMutated() throws Exception {
        Expression expression = Fql.parse("['a', 'b']");

        ((ArrayNode) expression.evaluate(null)).removeAll();

        assertThat(expression.evaluate(null)).hasSize(2);
    }

    @Test
    void shouldKeepSourceVerbatimWhenParsed() throws Exception {
        String source = "  type = \"track\"\n  and event != 'x'  ";

        assertThat(Fql.parse(source).source()).isEqualTo(source);
        assertThat(Fql.parse(source)).hasToString(source);
    }
}
