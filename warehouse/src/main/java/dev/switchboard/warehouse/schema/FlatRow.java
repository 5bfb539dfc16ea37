/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.util.List;

/**
 * One row of one table made from one event, before it meets the table's columns.
 *
 * @param table where it goes
 * @param kind which of Segment's tables it is (decides the standard columns, and append or upsert)
 * @param id the row's key: the messageId, or for {@code users} the userId
 * @param fields standard fields first, then context, then properties or traits, in event order
 */
public record FlatRow(TableName table, TableKind kind, String id, List<Field> fields) {

    public FlatRow {
        fields = List.copyOf(fields);
    }
}
