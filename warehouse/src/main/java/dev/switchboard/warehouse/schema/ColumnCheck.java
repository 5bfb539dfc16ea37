/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.Arrays;
import java.util.List;

/**
 * What a table's rows need of its schema, without encoding them: one lookup per field. Done
 * before any COPY, so that the DDL runs first and the rows can then be encoded into the COPY
 * stream as it is sent.
 *
 * @param used the positions a row may fill, in table order: every column some field is named
 *     for (a value that cannot be coerced leaves its column NULL, which is the column's default;
 *     {@code uuid_ts} is never listed, it keeps its default, the load time), and
 *     {@link Columns#UNMAPPED} when the table has it
 * @param missingColumn whether a property or trait has no column of its name yet ({@link
 *     RowEncoder.EncodedRow#missingColumn} of at least one row)
 */
public record ColumnCheck(int[] used, boolean missingColumn) {

    /** {@code rows} against {@code schema}. */
    public static ColumnCheck of(List<FlatRow> rows, TableSchema schema) {
        boolean[] used = new boolean[schema.size()];
        boolean missing = false;
        for (FlatRow row : rows) {
            for (Field f : row.fields()) {
                int at = schema.position(f.column());
                boolean reserved = f.reserved(row.kind());
                if (at >= 0 && !reserved) {
                    used[at] = true;
                } else if (at < 0 && !f.standard() && !reserved) {
                    missing = true;
                }
            }
        }
        int unmapped = schema.position(Columns.UNMAPPED);
        if (unmapped >= 0) {
            used[unmapped] = true;
        }
        int loadTime = schema.position(Columns.UUID_TS);
        if (loadTime >= 0) {
            used[loadTime] = false;
        }
        int[] out = new int[used.length];
        int n = 0;
        for (int at = 0; at < used.length; at++) {
            if (used[at]) {
                out[n++] = at;
            }
        }
        return new ColumnCheck(Arrays.copyOf(out, n), missing);
    }
}
