/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.warehouse.schema.RowEncoder.EncodedRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden fixtures for naming and type inference: each {@code golden/<case>.input.json} holds a
 * source id, an optional column budget and batches of events (as they are on {@code sb.events});
 * {@code <case>.expected.json} holds every table's columns with their types and every row as it is
 * written, {@code _unmapped_data} included. The tables evolve across batches exactly as the
 * PostgreSQL warehouse evolves them (planner, then encoder). {@code -Dgolden.update} rewrites the
 * expected files; the diff is what a reviewer reads.
 */
class GoldenSchemaTest {

    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @TestFactory
    Stream<DynamicTest> everyFixture() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".input.json")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(
                            p.getFileName().toString().replace(".input.json", ""), () -> check(p)));
        }
    }

    private static void check(Path input) throws IOException {
        JsonNode in = JSON.readTree(input.toFile());
        ObjectNode actual = run(in);
        assertThat(run(in)).as("the same input gives the same tables").isEqualTo(actual);
        Path expected = input.resolveSibling(input.getFileName().toString().replace(".input.json", ".expected.json"));
        if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
            Files.writeString(expected, JSON.writeValueAsString(actual) + "\n");
        }
        assertThat(JSON.writeValueAsString(actual))
                .as("%s (run with -Dgolden.update to rewrite it, then read the diff)", expected)
                .isEqualTo(JSON.writeValueAsString(JSON.readTree(expected.toFile())));
    }

    /** The tables after every batch: the same steps as PostgresWarehouse.load. */
    /** The rows the loader makes of {@code event}: from its JSON text, as it is on {@code sb.events}. */
    static List<FlatRow> rowsOf(Flattener flattener, String sourceId, JsonNode event) {
        try {
            return flattener.rows(sourceId, flattener.read(JSON.writeValueAsString(event)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode run(JsonNode in) {
        Names names = new Names(in.path("maxIdentifierBytes").asInt(63));
        Flattener flattener = new Flattener(names);
        SchemaPlanner planner = new SchemaPlanner(in.path("columnBudget").asInt(1000));
        RowEncoder encoder = new RowEncoder();
        Map<TableName, TableSchema> tables = new LinkedHashMap<>();
        Map<TableName, ArrayNode> rows = new LinkedHashMap<>();
        for (JsonNode batch : in.get("batches")) {
            TableRows grouped = new TableRows();
            for (JsonNode event : batch) {
                rowsOf(flattener, in.get("sourceId").asText(), event).forEach(grouped::add);
            }
            for (TableRows.Group g : grouped.groups()) {
                TableSchema schema = tables.getOrDefault(g.table(), TableSchema.initial(g.table(), g.kind()));
                schema = schema.with(planner.newColumns(schema, g.kind(), g.rows()));
                tables.put(g.table(), schema);
                ArrayNode out = rows.computeIfAbsent(g.table(), t -> JSON.createArrayNode());
                for (FlatRow r : g.rows()) {
                    out.add(row(encoder.encode(r, schema)));
                }
            }
        }
        ObjectNode result = JSON.createObjectNode();
        tables.forEach((name, schema) -> {
            ObjectNode table = result.putObject(name.toString());
            ObjectNode columns = table.putObject("columns");
            schema.columns().forEach((col, type) -> columns.put(col, type.name().toLowerCase()));
            table.set("rows", rows.get(name));
        });
        return result;
    }

    private static ObjectNode row(EncodedRow r) {
        ObjectNode row = JSON.createObjectNode();
        r.values().forEach(row::put);
        if (r.unmapped() != null) {
            row.set(Columns.UNMAPPED, r.unmapped());
        }
        return row;
    }
}
