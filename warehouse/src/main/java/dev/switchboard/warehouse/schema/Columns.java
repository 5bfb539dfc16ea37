/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

/** The names of the standard columns (Segment's), and of the overflow column. */
public final class Columns {

    public static final String ID = "id";
    public static final String RECEIVED_AT = "received_at";
    public static final String SENT_AT = "sent_at";
    public static final String TIMESTAMP = "timestamp";
    public static final String ORIGINAL_TIMESTAMP = "original_timestamp";
    /** When the row was loaded: the column's default, the load transaction's time. */
    public static final String UUID_TS = "uuid_ts";

    public static final String USER_ID = "user_id";
    public static final String ANONYMOUS_ID = "anonymous_id";
    public static final String EVENT = "event";
    public static final String EVENT_TEXT = "event_text";

    /**
     * A JSON object holding, at their original paths, the values no typed column could take: a
     * value of another type than its column's, a property past the column budget, or one named
     * like a standard column. Jitsu's Bulker names it the same; nothing of an event is lost.
     */
    public static final String UNMAPPED = "_unmapped_data";

    private Columns() {}
}
