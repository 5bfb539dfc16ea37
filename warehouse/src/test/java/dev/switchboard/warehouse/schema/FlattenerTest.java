/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the one streaming read of an event does at its edges; the golden fixtures cover the tables. */
class FlattenerTest {

    private final Flattener flattener = new Flattener(new Names(63));
    private final RowEncoder encoder = new RowEncoder();

    @Test
    void an_event_that_is_not_an_object_gives_nothing() throws IOException {
        assertThat(flattener.read("[1,2]")).isNull();
        assertThat(flattener.read("\"track\"")).isNull();
    }

    @Test
    void broken_json_is_an_error_not_a_row() {
        assertThatThrownBy(() -> flattener.read("{\"type\":\"track\",\"messageId\":\"m1\",\"properties\":{\"a\":"))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void a_later_top_level_value_wins_as_in_a_tree() throws IOException {
        List<FlatRow> rows = rows("{\"type\":\"track\",\"event\":\"A\",\"messageId\":\"m1\",\"userId\":\"u1\","
                + "\"properties\":{\"old\":1},\"userId\":null,\"properties\":{\"plan\":\"pro\"}}");
        Map<String, String> event = encode(rows.get(1));
        assertThat(event).containsEntry("plan", "pro").doesNotContainKeys("old", "user_id");
    }

    @Test
    void context_properties_and_traits_are_read_wherever_they_stand() throws IOException {
        List<FlatRow> rows = rows("{\"properties\":{\"total\":9.5,\"items\":[1,{\"a\":2}],\"cart\":{\"id\":\"c\"}},"
                + "\"context\":{\"app\":{\"version\":\"1.2\"}},\"integrations\":{\"All\":false},\"extra\":[{}],"
                + "\"event\":\"Order Completed\",\"type\":\"track\",\"messageId\":\"m2\"}");
        assertThat(rows).extracting(r -> r.table().table()).containsExactly("tracks", "order_completed");
        assertThat(encode(rows.get(1)))
                .containsEntry("id", "m2")
                .containsEntry("context_app_version", "1.2")
                .containsEntry("total", "9.5")
                .containsEntry("items", "[1,{\"a\":2}]")
                .containsEntry("cart_id", "c");
        assertThat(flattener
                        .read("{\"integrations\":{\"All\":false}}")
                        .integrations()
                        .toString())
                .isEqualTo("{\"All\":false}");
    }

    @Test
    void a_key_repeated_in_one_object_keeps_its_second_value_in_the_overflow_column() throws IOException {
        FlatRow row = rows("{\"type\":\"track\",\"event\":\"A\",\"messageId\":\"m3\",\"properties\":{\"n\":1,\"n\":2}}")
                .get(1);
        TableSchema schema = TableSchema.initial(row.table(), row.kind())
                .with(Map.of("n", ColumnType.BIGINT, Columns.UNMAPPED, ColumnType.JSON));
        RowEncoder.EncodedRow encoded = encoder.encode(row, schema);
        assertThat(encoded.values()).containsEntry("n", "1");
        assertThat(encoded.unmapped().toString()).isEqualTo("{\"properties\":{\"n\":2}}");
    }

    private List<FlatRow> rows(String json) throws IOException {
        return flattener.rows("web", flattener.read(json));
    }

    /** Every field of the row by column, encoded against a schema that has a text column for each. */
    private Map<String, String> encode(FlatRow row) {
        Map<String, ColumnType> columns = new LinkedHashMap<>();
        row.fields().forEach(f -> columns.putIfAbsent(f.column(), ColumnType.TEXT));
        return encoder.encode(row, new TableSchema(row.table(), columns)).values();
    }
}
