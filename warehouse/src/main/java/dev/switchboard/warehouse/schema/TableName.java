/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

/** A table in the warehouse: schema and table names, both already valid identifiers. */
public record TableName(String schema, String table) {

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
