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
 */
public record Field(String column, List<String> path, JsonNode value, boolean standard) {

    public Field {
        path = List.copyOf(path);
    }
}
