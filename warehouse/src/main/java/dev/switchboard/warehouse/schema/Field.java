/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One value of an event bound for a column. Rows made from the same event share their standard
 * and context fields ({@code tracks} and the event's own table) or their traits ({@code
 * identifies} and {@code users}): a field remembers its last coerced text, so that each value is
 * coerced once for all of them ({@link #text}).
 */
public final class Field {

    private final String column;
    private final List<String> path;
    private final JsonNode value;
    private final boolean standard;
    private final int reservedIn;

    /** The type {@link #coerced} was made for; written and read by the thread that encodes the row. */
    private ColumnType coercedFor;

    private String coerced;

    /**
     * @param column the column name (snake_case, fitted to the identifier limit)
     * @param path where the value sits in the event (the original keys), for the overflow column;
     *     null for a standard field's, which is its column
     * @param value a non-null scalar or an array (written as JSON text)
     * @param standard whether it fills a standard column (id, timestamps, ...) rather than a property
     * @param reservedIn for a property or trait, the kinds of table whose standard columns (or
     *     {@link TableKind}'s always reserved names) its column is named like, one bit per ordinal
     *     ({@link TableKind#reservedIn}); 0 for a standard field
     */
    Field(String column, List<String> path, JsonNode value, boolean standard, int reservedIn) {
        this.column = column;
        this.path = path == null ? null : List.copyOf(path);
        this.value = value;
        this.standard = standard;
        this.reservedIn = reservedIn;
    }

    /** A standard field: {@code column} from the event's top-level value. */
    static Field standard(String column, JsonNode value) {
        return new Field(column, null, value, true, 0); // its path, the column, is made when asked for
    }

    /** A property or trait under {@code key}. */
    static Field property(KeyColumns.Key key, JsonNode value) {
        return new Field(key.column(), key.path(), value, false, key.reservedIn());
    }

    public String column() {
        return column;
    }

    public List<String> path() {
        return path != null ? path : List.of(column);
    }

    public JsonNode value() {
        return value;
    }

    public boolean standard() {
        return standard;
    }

    /** Whether this is a property or trait that may not take its column in a table of {@code kind}. */
    public boolean reserved(TableKind kind) {
        return (reservedIn & (1 << kind.ordinal())) != 0;
    }

    /**
     * {@link RowEncoder#coerce} of the value for {@code type}, computed once while the type asked
     * stays the same. Not thread-safe: the rows of a batch are encoded by one thread.
     */
    String text(ColumnType type) {
        if (coercedFor != type) {
            coerced = RowEncoder.coerce(value, type);
            coercedFor = type;
        }
        return coerced;
    }

    @Override
    public String toString() {
        return column + "=" + value;
    }
}
