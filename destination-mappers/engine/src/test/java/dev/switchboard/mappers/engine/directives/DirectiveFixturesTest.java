/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.directives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code directives/valid/*.json} ({@code mapping} + {@code event} + {@code settings} + optional
 * {@code named} values such as {@code index} →
 * {@code expected}, or {@code "undefined": true}) and {@code directives/invalid/*.json} (a mapping rejected
 * at load with {@code error} in its message, or an event rejected with the {@code field} at fault).
 */
class DirectiveFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Numbers compare by value (25.5 = 25.50), everything else structurally. */
    private static final Comparator<JsonNode> BY_VALUE =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    @TestFactory
    Stream<DynamicTest> shouldResolveToExpectedWhenMappingIsValid() throws Exception {
        return fixtures("valid")
                .map(f -> DynamicTest.dynamicTest("valid/" + f.getFileName(), () -> {
                    // Given a mapping and an event
                    JsonNode fixture = JSON.readTree(f.toFile());
                    Resolver resolver = Mappings.compile(fixture.get("mapping"));
                    // When it resolves
                    JsonNode actual = resolver.resolve(scope(fixture));
                    // Then it gives the expected value, or undefined
                    if (fixture.path("undefined").asBoolean()) {
                        assertThat(actual)
                                .as(f + " should resolve to undefined")
                                .isNull();
                    } else {
                        assertThat(actual).as(f + " resolved to %s", actual).isNotNull();
                        assertThat(actual.equals(BY_VALUE, fixture.get("expected")))
                                .as("%s: expected %s but got %s", f, fixture.get("expected"), actual)
                                .isTrue();
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> shouldFailWithReasonWhenMappingOrEventIsInvalid() throws Exception {
        return fixtures("invalid")
                .map(f -> DynamicTest.dynamicTest("invalid/" + f.getFileName(), () -> {
                    // Given a malformed mapping, or a mapping and an event it cannot convert
                    JsonNode fixture = JSON.readTree(f.toFile());
                    if (fixture.has("error")) {
                        // When it compiles, Then it is refused with a message saying why
                        assertThatThrownBy(() -> Mappings.compile(fixture.get("mapping")))
                                .isInstanceOf(MappingDefinitionException.class)
                                .hasMessageContaining(fixture.get("error").asText());
                    } else {
                        Resolver resolver = Mappings.compile(fixture.get("mapping"));
                        // When it resolves, Then the event is refused naming the field
                        assertThatThrownBy(() -> resolver.resolve(scope(fixture)))
                                .isInstanceOf(MappingFailure.class)
                                .satisfies(e -> assertThat(((MappingFailure) e).field())
                                        .isEqualTo(fixture.get("field").asText()));
                    }
                }));
    }

    private static Scope scope(JsonNode fixture) {
        JsonNode event = fixture.get("event");
        JsonNode settings = fixture.has("settings") ? fixture.get("settings") : JSON.createObjectNode();
        Map<String, JsonNode> named = new java.util.HashMap<>(Map.of("event", event, "settings", settings));
        fixture.path("named").fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue()));
        return new Scope(event, named);
    }

    private static Stream<Path> fixtures(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(
                DirectiveFixturesTest.class.getResource("/directives/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(sorted).as("no fixtures in " + dir).isNotEmpty();
            return sorted.stream();
        }
    }
}
