/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.postgres;

import dev.switchboard.warehouse.schema.ColumnType;
import dev.switchboard.warehouse.schema.TableName;

/** PostgreSQL spelling: quoted identifiers and the column types. */
final class Sql {

    private Sql() {}

    /** Always quoted: a column may be named {@code order} or {@code 25_dollars}. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String table(TableName t) {
        return quote(t.schema()) + "." + quote(t.table());
    }

    static String type(ColumnType type) {
        return switch (type) {
            case TIMESTAMP -> "timestamptz";
            case BIGINT -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case TEXT -> "text";
            case JSON -> "jsonb";
        };
    }

    /**
     * The type a column has in the catalog, as the loader writes it. A column changed by hand keeps
     * working when its new type reads the same text (varchar, numeric, integer, timestamp).
     */
    static ColumnType fromCatalog(String udtName) {
        return switch (udtName) {
            case "timestamptz", "timestamp" -> ColumnType.TIMESTAMP;
            case "int8", "int4", "int2" -> ColumnType.BIGINT;
            case "float8", "float4", "numeric" -> ColumnType.DOUBLE;
            case "bool" -> ColumnType.BOOLEAN;
            case "jsonb", "json" -> ColumnType.JSON;
            default -> ColumnType.TEXT;
        };
    }
}
