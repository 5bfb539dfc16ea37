/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.warehouse.schema.RowEncoder.EncodedRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnCheck}, which runs before the rows are encoded, agrees with {@link RowEncoder} on
 * every golden fixture, before and after each batch's columns are added: it says a column is
 * missing exactly when a row's encoding does, lists every column an encoded row fills, and encodes
 * each row as the encoder does alone.
 */
class ColumnCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldAgreeWithTheEncoderWhenCheckingEveryGoldenFixture() throws IOException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/golden"))) {
            inputs = files.filter(p -> p.toString().endsWith(".input.json"))
                    .sorted()
                    .toList();
        }
        assertThat(inputs).isNotEmpty();
        int groups = 0;
        for (Path p : inputs) {
            JsonNode in = JSON.readTree(p.toFile());
            Flattener flattener =
                    new Flattener(new Names(in.path("maxIdentifierBytes").asInt(63)));
            SchemaPlanner planner = new SchemaPlanner(in.path("columnBudget").asInt(1000));
            RowEncoder encoder = new RowEncoder();
            Map<TableName, TableSchema> tables = new HashMap<>();
            for (JsonNode batch : in.get("batches")) {
                TableRows grouped = new TableRows();
                for (JsonNode event : batch) {
                    GoldenSchemaTest.rowsOf(flattener, in.get("sourceId").asText(), event)
                            .forEach(grouped::add);
                }
                for (TableRows.Group g : grouped.groups()) {
                    TableSchema before = tables.getOrDefault(g.table(), TableSchema.initial(g.table(), g.kind()));
                    TableSchema after = before.with(planner.newColumns(before, g.kind(), g.rows()));
                    tables.put(g.table(), after);
                    agree(p + " " + g.table(), g.rows(), before, encoder);
                    agree(p + " " + g.table() + " evolved", g.rows(), after, encoder);
                    groups++;
                }
            }
        }
        assertThat(groups).isGreaterThan(10);
    }

    private static void agree(String what, List<FlatRow> rows, TableSchema schema, RowEncoder encoder) {
        ColumnCheck check = ColumnCheck.of(rows, schema);
        boolean missing = false;
        int[] used = check.used();
        Iterator<EncodedRow> checked = check.encoded(encoder).iterator();
        for (FlatRow r : rows) {
            EncodedRow e = encoder.encode(r, schema);
            EncodedRow same = checked.next(); // with the positions the check found
            assertThat(same.values()).as(what).isEqualTo(e.values());
            assertThat(same.unmapped()).as(what).isEqualTo(e.unmapped());
            assertThat(same.missingColumn()).as(what).isEqualTo(e.missingColumn());
            missing |= e.missingColumn();
            for (int at : e.filled()) {
                assertThat(used).as("%s: %s listed", what, schema.column(at)).contains(at);
            }
            if (e.unmapped() != null) {
                assertThat(used).as(what).contains(schema.position(Columns.UNMAPPED));
            }
        }
        assertThat(checked).as(what).isExhausted();
        assertThat(check.missingColumn()).as("%s: a column is missing", what).isEqualTo(missing);
        assertThat(Arrays.stream(used).mapToObj(schema::column)).as(what).doesNotContain(Columns.UUID_TS);
        assertThat(used).as("%s: in table order", what).isSorted();
    }
}
