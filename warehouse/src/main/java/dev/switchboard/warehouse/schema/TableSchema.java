/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns a table has in the warehouse, in order, with their types. Immutable. Each column has
 * a position (its place in that order), so that a row is encoded once into an array indexed by it.
 */
public final class TableSchema {

    private final TableName name;
    private final Map<String, ColumnType> columns;
    private final Map<String, Integer> positions;
    private final String[] names;
    private final ColumnType[] types;

    public TableSchema(TableName name, Map<String, ColumnType> columns) {
        this.name = name;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.positions = new HashMap<>(columns.size() * 2);
        this.names = new String[columns.size()];
        this.types = new ColumnType[columns.size()];
        for (Map.Entry<String, ColumnType> c : this.columns.entrySet()) {
            names[positions.size()] = c.getKey();
            types[positions.size()] = c.getValue();
            positions.put(c.getKey(), positions.size());
        }
    }

    /** A table not created yet: only its standard columns. */
    public static TableSchema initial(TableName name, TableKind kind) {
        return new TableSchema(name, kind.standardColumns());
    }

    public TableName name() {
        return name;
    }

    /** Column name to type, in column order. */
    public Map<String, ColumnType> columns() {
        return columns;
    }

    public ColumnType type(String column) {
        return columns.get(column);
    }

    /** How many columns the table has. */
    public int size() {
        return types.length;
    }

    /** The column's place in {@link #columns()}, or -1 when the table has no such column. */
    public int position(String column) {
        Integer at = positions.get(column);
        return at == null ? -1 : at;
    }

    /** The name of the column at {@code position}. */
    public String column(int position) {
        return names[position];
    }

    /** The type of the column at {@code position}. */
    public ColumnType type(int position) {
        return types[position];
    }

    /** This schema with {@code added} appended. */
    public TableSchema with(Map<String, ColumnType> added) {
        Map<String, ColumnType> all = new LinkedHashMap<>(columns);
        added.forEach(all::putIfAbsent);
        return new TableSchema(name, all);
    }

    @Override
    public String toString() {
        return name + " " + columns;
    }
}
