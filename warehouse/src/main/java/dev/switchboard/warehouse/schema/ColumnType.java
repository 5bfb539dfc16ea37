/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types Segment infers (timestamp, integer, float, boolean, varchar), plus the JSON
 * overflow column. A column's type is fixed by the first non-null value it receives.
 */
public enum ColumnType {
    TIMESTAMP,
    BIGINT,
    DOUBLE,
    BOOLEAN,
    TEXT,
    /** Only {@link Columns#UNMAPPED}: what no typed column could hold. */
    JSON;

    // A date and a time with a zone: what the Segment libraries write. A bare date stays text.
    private static final Pattern ISO_TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?([Zz]|[+-]\\d{2}(:?\\d{2})?)");

    /** The parsed time when {@code text} is an ISO-8601 timestamp with a zone, else null. */
    public static OffsetDateTime parseTimestamp(String text) {
        if (text.length() > 40) {
            return null;
        }
        Matcher m = ISO_TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String t = text.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
        int zone = m.group(3).length(); // Z, +HH, +HHMM or +HH:MM
        if (zone == 3) {
            t = t + ":00";
        } else if (zone == 5) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null; // 2026-02-30 and the like: text, not a time
        }
    }
}
