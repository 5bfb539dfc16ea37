/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One value of an event bound for a column.
 *
 * @param column the column name (snake_case, fitted to the identifier limit)
 * @param path where the value sits in the event (the original keys), for the overflow column
 * @param value a non-null scalar or an array (written as JSON text)
 * @param standard whether it fills a standard column (id, timestamps, ...) rather than a property
 * @param reservedIn for a property or trait, the kinds of table whose standard columns (or
 *     {@link TableKind}'s always reserved names) its column is named like, one bit per ordinal
 *     ({@link TableKind#reservedIn}); 0 for a standard field
 */
public record Field(String column, List<String> path, JsonNode value, boolean standard, int reservedIn) {

    public Field {
        path = List.copyOf(path);
    }

    /** A standard field: {@code column} from the event's top-level value. */
    static Field standard(String column, JsonNode value) {
        return new Field(column, List.of(column), value, true, 0);
    }

    /** A property or trait under {@code key}. */
    static Field property(KeyColumns.Key key, JsonNode value) {
        return new Field(key.column(), key.path(), value, false, key.reservedIn());
    }

    /** Whether this is a property or trait that may not take its column in a table of {@code kind}. */
    public boolean reserved(TableKind kind) {
        return (reservedIn & (1 << kind.ordinal())) != 0;
    }
}
