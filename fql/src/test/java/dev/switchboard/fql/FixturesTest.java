/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture: {@code fql/valid/*.json} (an expression and events with the expected {@code
 * matches} and optionally the expected {@code value}) and {@code fql/invalid/*.json} (an
 * expression, the error position and a substring of the message).
 */
class FixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Numbers compare by value (1 = 1.0), everything else by JSON equality. */
    private static final Comparator<JsonNode> NUMERIC_AWARE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static Stream<Arguments> valid() throws IOException, URISyntaxException {
        return fixtures("valid");
    }

    static Stream<Arguments> invalid() throws IOException, URISyntaxException {
        return fixtures("invalid");
    }

    private static Stream<Arguments> fixtures(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(FixturesTest.class.getResource("/fql/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(sorted).as("fixtures in %s", dir).isNotEmpty();
            return sorted.stream()
                    .map(f -> Arguments.of(f.getFileName().toString().replace(".json", ""), f));
        }
    }

    @ParameterizedTest(name = "valid/{0}")
    @MethodSource("valid")
    void shouldEvaluateEveryCaseWhenFixtureIsValid(String name, Path file) throws Exception {
        JsonNode fixture = JSON.readTree(file.toFile());
        String source = fixture.path("expression").asText();
        Expression expression;
        try {
            expression = Fql.parse(source);
        } catch (FqlException e) {
            throw new AssertionError(name + ": expected to parse but got: " + e.getMessage(), e);
        }
        assertThat(expression.source()).isEqualTo(source);
        JsonNode cases = fixture.path("cases");
        assertThat(cases.size()).as("%s has cases", name).isPositive();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode testCase = cases.get(i);
            JsonNode event = testCase.path("event");
            String label = name + " case " + i + " " + event;
            assertThat(testCase.has("matches"))
                    .as("%s declares 'matches'", label)
                    .isTrue();
            assertThat(expression.matches(event))
                    .as(label)
                    .isEqualTo(testCase.path("matches").booleanValue());
            if (testCase.has("value")) {
                JsonNode actual = expression.evaluate(event);
                if (!actual.equals(NUMERIC_AWARE, testCase.get("value"))) {
                    fail("%s: value %s, expected %s", label, actual, testCase.get("value"));
                }
            }
        }
    }

    @ParameterizedTest(name = "invalid/{0}")
    @MethodSource("invalid")
    void shouldReportPositionAndMessageWhenFixtureIsInvalid(String name, Path file) throws IOException {
        JsonNode fixture = JSON.readTree(file.toFile());
        assertThatExceptionOfType(FqlException.class)
                .as(name)
                .isThrownBy(() -> Fql.parse(fixture.path("expression").asText()))
                .satisfies(e -> {
                    assertThat(e.position())
                            .as("position")
                            .isEqualTo(fixture.path("position").intValue());
                    assertThat(e.getMessage()).contains(fixture.path("message").asText());
                    assertThat(e.getMessage()).contains(" at " + e.position());
                });
    }
}
