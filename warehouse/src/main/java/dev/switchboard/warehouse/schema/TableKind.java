/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tables of Segment's warehouse schema and the standard columns each one always has, with their
 * fixed types. Properties and traits become the other columns; one that would take a standard
 * column's name goes to {@link Columns#UNMAPPED} instead (Segment discards it; we keep it).
 */
public enum TableKind {
    TRACKS("tracks", Extra.TRACK),
    /** One table per track event name, e.g. {@code order_completed}. */
    EVENT(null, Extra.TRACK),
    IDENTIFIES("identifies", Extra.NONE),
    /** One row per user id, the latest traits merged: upserted, never appended. */
    USERS("users", Extra.NONE),
    PAGES("pages", Extra.PAGE),
    SCREENS("screens", Extra.PAGE),
    GROUPS("groups", Extra.GROUP),
    ALIASES("aliases", Extra.ALIAS);

    private enum Extra {
        NONE,
        TRACK,
        PAGE,
        GROUP,
        ALIAS
    }

    /** Names no property may take in any table (Segment's and the loader's own). */
    private static final Set<String> ALWAYS_RESERVED = Set.of("uuid", "loaded_at");

    private final String fixedName;
    private final Map<String, ColumnType> standard;
    private final String[] order;

    TableKind(String fixedName, Extra extra) {
        this.fixedName = fixedName;
        Map<String, ColumnType> c = new LinkedHashMap<>();
        c.put(Columns.ID, ColumnType.TEXT);
        c.put(Columns.RECEIVED_AT, ColumnType.TIMESTAMP);
        if (fixedName == null || !fixedName.equals("users")) {
            c.put(Columns.SENT_AT, ColumnType.TIMESTAMP);
            c.put(Columns.TIMESTAMP, ColumnType.TIMESTAMP);
            c.put(Columns.ORIGINAL_TIMESTAMP, ColumnType.TIMESTAMP);
        }
        c.put(Columns.UUID_TS, ColumnType.TIMESTAMP);
        if (fixedName == null || !fixedName.equals("users")) {
            c.put(Columns.USER_ID, ColumnType.TEXT);
            c.put(Columns.ANONYMOUS_ID, ColumnType.TEXT);
        }
        switch (extra) {
            case TRACK -> {
                c.put(Columns.EVENT, ColumnType.TEXT);
                c.put(Columns.EVENT_TEXT, ColumnType.TEXT);
            }
            case PAGE -> {
                c.put("name", ColumnType.TEXT);
                c.put("category", ColumnType.TEXT);
            }
            case GROUP -> c.put("group_id", ColumnType.TEXT);
            case ALIAS -> c.put("previous_id", ColumnType.TEXT);
            case NONE -> {}
        }
        c.put(Columns.UNMAPPED, ColumnType.JSON);
        this.standard = Map.copyOf(c);
        this.order = c.keySet().toArray(String[]::new);
    }

    /** The table's name, or null for {@link #EVENT} (named after the event). */
    public String fixedName() {
        return fixedName;
    }

    /** The standard columns in creation order, with their types. */
    public Map<String, ColumnType> standardColumns() {
        Map<String, ColumnType> ordered = new LinkedHashMap<>();
        for (String name : order) {
            ordered.put(name, standard.get(name));
        }
        return ordered;
    }

    /** Whether a property or trait may not take this column name. */
    public boolean reserved(String column) {
        return standard.containsKey(column) || ALWAYS_RESERVED.contains(column);
    }

    /** The kinds of table in which a property or trait may not take {@code column}, one bit per ordinal. */
    static int reservedIn(String column) {
        int mask = 0;
        for (TableKind kind : values()) {
            if (kind.reserved(column)) {
                mask |= 1 << kind.ordinal();
            }
        }
        return mask;
    }
}
