/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** The columns a table has in the warehouse, in order, with their types. Immutable. */
public record TableSchema(TableName name, Map<String, ColumnType> columns) {

    public TableSchema {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /** A table not created yet: only its standard columns. */
    public static TableSchema initial(TableName name, TableKind kind) {
        return new TableSchema(name, kind.standardColumns());
    }

    public ColumnType type(String column) {
        return columns.get(column);
    }

    /** This schema with {@code added} appended. */
    public TableSchema with(Map<String, ColumnType> added) {
        Map<String, ColumnType> all = new LinkedHashMap<>(columns);
        added.forEach(all::putIfAbsent);
        return new TableSchema(name, all);
    }
}
