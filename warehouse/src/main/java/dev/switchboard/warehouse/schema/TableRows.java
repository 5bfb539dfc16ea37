/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of one batch grouped by table, in the order their events were read. The {@code users}
 * rows of one user are merged into one (a later event's traits win, the others are kept), because
 * the table holds one row per user and an upsert may touch a row only once per statement.
 */
public final class TableRows {

    /** The rows bound for one table. */
    public record Group(TableName table, TableKind kind, List<FlatRow> rows) {}

    private final Map<TableName, Group> groups = new LinkedHashMap<>();
    private final Map<TableName, Map<String, Map<List<String>, Field>>> users = new LinkedHashMap<>();
    private int size;

    public void add(FlatRow row) {
        size++;
        if (row.kind() == TableKind.USERS) {
            Map<List<String>, Field> merged = users.computeIfAbsent(row.table(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(row.id(), id -> new LinkedHashMap<>());
            for (Field f : row.fields()) {
                // keyed by path: two traits that meet in one column stay two fields for the encoder;
                // removed first, so that the newer value takes its place in the order
                merged.remove(f.path());
                merged.put(f.path(), f);
            }
            groups.computeIfAbsent(row.table(), t -> new Group(t, TableKind.USERS, new ArrayList<>()));
            return;
        }
        groups.computeIfAbsent(row.table(), t -> new Group(t, row.kind(), new ArrayList<>()))
                .rows()
                .add(row);
    }

    /** Every table's rows; {@code users} rows merged per user. */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        for (Group g : groups.values()) {
            if (g.kind() != TableKind.USERS) {
                out.add(g);
                continue;
            }
            List<FlatRow> rows = new ArrayList<>();
            users.get(g.table())
                    .forEach((id, fields) ->
                            rows.add(new FlatRow(g.table(), TableKind.USERS, id, new ArrayList<>(fields.values()))));
            out.add(new Group(g.table(), g.kind(), rows));
        }
        return out;
    }

    /** How many rows were added (before the users merge). */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
