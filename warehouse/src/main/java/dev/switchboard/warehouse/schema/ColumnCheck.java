/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import dev.switchboard.warehouse.schema.RowEncoder.EncodedRow;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a table's rows need of its schema, without encoding them: one lookup per field. Done
 * before any COPY, so that the DDL runs first and the rows can then be encoded into the COPY
 * stream as it is sent ({@link #encoded}), with the positions found here: no second lookup.
 */
public final class ColumnCheck {

    private final List<FlatRow> rows;
    private final TableSchema schema;
    private final int[] used;
    private final boolean missingColumn;
    /** Each field's position in {@link #schema} (-1: none), row after row. */
    private final int[] positions;

    private ColumnCheck(List<FlatRow> rows, TableSchema schema, int[] used, boolean missingColumn, int[] positions) {
        this.rows = rows;
        this.schema = schema;
        this.used = used;
        this.missingColumn = missingColumn;
        this.positions = positions;
    }

    /** {@code rows} against {@code schema}. */
    public static ColumnCheck of(List<FlatRow> rows, TableSchema schema) {
        int fields = 0;
        for (FlatRow row : rows) {
            fields += row.fields().size();
        }
        int[] positions = new int[fields];
        boolean[] used = new boolean[schema.size()];
        boolean missing = false;
        int i = 0;
        for (FlatRow row : rows) {
            for (Field f : row.fields()) {
                int at = schema.position(f.column());
                positions[i++] = at;
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
        return new ColumnCheck(rows, schema, Arrays.copyOf(out, n), missing, positions);
    }

    /**
     * The positions a row may fill, in table order: every column some field is named for (a value
     * that cannot be coerced leaves its column NULL, which is the column's default; {@code uuid_ts}
     * is never listed, it keeps its default, the load time), and {@link Columns#UNMAPPED} when the
     * table has it.
     */
    public int[] used() {
        return used;
    }

    /**
     * Whether a property or trait has no column of its name yet ({@link EncodedRow#missingColumn}
     * of at least one row).
     */
    public boolean missingColumn() {
        return missingColumn;
    }

    /** The schema the rows were checked against. */
    public TableSchema schema() {
        return schema;
    }

    /** The rows encoded against {@link #schema}, one at a time, each time it is iterated. */
    public Iterable<EncodedRow> encoded(RowEncoder encoder) {
        return () -> new Iterator<>() {
            private int row;
            private int from;

            @Override
            public boolean hasNext() {
                return row < rows.size();
            }

            @Override
            public EncodedRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                FlatRow r = rows.get(row++);
                EncodedRow e = encoder.encode(r, schema, positions, from);
                from += r.fields().size();
                return e;
            }
        };
    }
}
