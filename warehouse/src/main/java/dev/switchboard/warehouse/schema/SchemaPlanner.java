/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns a batch of rows adds to its table: each new column takes the type of the first
 * non-null value seen for it, in batch order, as Segment does. A table holds at most
 * {@code columnBudget} columns (PostgreSQL allows 1,600); values of columns past the budget go to
 * the overflow column instead, and the load never fails for it.
 */
public final class SchemaPlanner {

    private final int columnBudget;

    public SchemaPlanner(int columnBudget) {
        if (columnBudget < TableKind.TRACKS.standardColumns().size() + 1) {
            throw new IllegalArgumentException("a column budget of " + columnBudget + " leaves no room for properties");
        }
        this.columnBudget = columnBudget;
    }

    public int columnBudget() {
        return columnBudget;
    }

    /** The columns to add to {@code current} for {@code rows}, in the order first seen. */
    public Map<String, ColumnType> newColumns(TableSchema current, TableKind kind, List<FlatRow> rows) {
        Map<String, ColumnType> added = new LinkedHashMap<>();
        int room = columnBudget - current.columns().size();
        for (FlatRow row : rows) {
            for (Field f : row.fields()) {
                if (f.standard() || f.reserved(kind) || current.type(f.column()) != null) {
                    continue;
                }
                if (!added.containsKey(f.column()) && added.size() < room) {
                    added.put(f.column(), infer(f.value()));
                }
            }
        }
        return added;
    }

    /** The type a first value gives its column. */
    public static ColumnType infer(JsonNode value) {
        if (value.isBoolean()) {
            return ColumnType.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? ColumnType.BIGINT : ColumnType.DOUBLE;
        }
        if (value.isNumber()) {
            return ColumnType.DOUBLE;
        }
        if (value.isTextual() && TimestampText.isTimestamp(value.textValue())) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.TEXT; // strings, and arrays as JSON text
    }
}
