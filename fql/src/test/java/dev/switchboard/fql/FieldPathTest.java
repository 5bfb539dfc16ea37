/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.fql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void shouldSplitAndUnescapeSegmentsWhenPathHasEscapes() {
        FieldPath path = FieldPath.parse("properties.product\\ 1.price");

        assertThat(path.segments()).containsExactly("properties", "product 1", "price");
        assertThat(path).hasToString("properties.product\\ 1.price");
    }

    @Test
    void shouldEscapeEverySpecialCharacterWhenFormattingRawSegments() {
        FieldPath path = FieldPath.of("properties", "a.b c\\d$", "x_y-1");

        assertThat(path).hasToString("properties.a\\.b\\ c\\\\d\\$.x_y-1");
        assertThat(FieldPath.parse(path.toString())).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''| field path is empty",
                "properties.| expected a field name at 11",
                ".a| expected a field name at 0",
                "a..b| expected a field name at 2",
                "a b| character ' ' at 1 must be escaped",
                "properties.$x| found '$' (escape it as '\\$') at 11",
                "a\\| dangling"
            })
    void shouldRejectWithPositionWhenPathIsMalformed(String dotted, String message) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FieldPath.parse(dotted))
                .withMessageContaining(message.strip());
    }

    @Test
    void shouldReturnValueOrMissingNodeWhenGetting() throws Exception {
        JsonNode event = json("{'properties': {'total': 5, 'n': null, 'list': [{'sku': 'A'}]}}");

        assertThat(FieldPath.parse("properties.total").get(event).intValue()).isEqualTo(5);
        assertThat(FieldPath.parse("properties.n").get(event).isNull()).isTrue();
        assertThat(FieldPath.parse("properties.gone").get(event).isMissingNode())
                .isTrue();
        assertThat(FieldPath.parse("properties.total.x").get(event).isMissingNode())
                .isTrue();
        assertThat(FieldPath.parse("properties.list.0.sku").get(event).asText()).isEqualTo("A");
        assertThat(FieldPath.parse("properties.list.1.sku").get(event).isMissingNode())
                .isTrue();
        assertThat(FieldPath.parse("properties.list.sku").get(event).isMissingNode())
                .isTrue();
        assertThat(FieldPath.parse("a").get(null).isMissingNode()).isTrue();
    }

    @Test
    void shouldRemoveTopLevelAndNestedKeysWhenPresent() throws Exception {
        ObjectNode event = json("{'userId': 'u', 'properties': {'a': 1, 'b': {'c': 2, 'd': 3}}}");

        FieldPath.parse("userId").remove(event);
        FieldPath.parse("properties.b.c").remove(event);
        FieldPath.parse("properties.nothing.here").remove(event);
        FieldPath.parse("properties.a.deeper").remove(event);

        assertThat(event).isEqualTo(json("{'properties': {'a': 1, 'b': {'d': 3}}}"));
    }

    @Test
    void shouldRemoveFromEveryElementWhenPathCrossesArray() throws Exception {
        ObjectNode event = json(
                "{'properties': {'products': [{'price': 1, 'sku': 'A'}, {'sku': 'B'}," + " 'plain', [{'price': 2}]]}}");

        FieldPath.parse("properties.products.price").remove(event);

        assertThat(event)
                .isEqualTo(json("{'properties': {'products': [{'sku': 'A'}, {'sku': 'B'}," + " 'plain', [{}]]}}"));
    }

    @Test
    void shouldRemoveKeysWithSpecialCharactersWhenEscaped() throws Exception {
        ObjectNode event = json("{'properties': {'product 1': {'price': '19.99', 'name': 'x'}}}");

        FieldPath.parse("properties.product\\ 1.price").remove(event);

        assertThat(event).isEqualTo(json("{'properties': {'product 1': {'name': 'x'}}}"));
    }

    @Test
    void shouldBuildChildPathsWhenSegmentsAreRaw() {
        FieldPath path = FieldPath.of(List.of("properties")).child("prop 01");

        assertThat(path).isEqualTo(FieldPath.parse("properties.prop\\ 01"));
        assertThat(path.hashCode())
                .isEqualTo(FieldPath.parse("properties.prop\\ 01").hashCode());
        assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.of(List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> FieldPath.of("a", ""));
    }
}
