/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.schema;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The text a timestamp column is written with: the instant in UTC with six fraction digits
 * ({@code 2026-12-01T10:00:00.037000Z}). What the Segment libraries send is almost always already
 * UTC ({@code 2026-12-01T10:00:00.037Z}, as {@code Date.toISOString()} writes it); such a text is
 * checked field by field and padded, without a parse and a format. Any other form goes through
 * {@link ColumnType#parseTimestamp}, which decides what a timestamp is.
 */
public final class TimestampText {

    private static final DateTimeFormatter UTC_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX");
    private static final int SECONDS_END = "uuuu-MM-ddTHH:mm:ss".length();
    private static final int FRACTION_DIGITS = 6;

    private TimestampText() {}

    /** The column text of {@code text}, or null when it is not an ISO-8601 timestamp with a zone. */
    public static String utc(String text) {
        String plain = plainUtc(text);
        return plain != null ? plain : parsed(text);
    }

    /** Whether {@code text} is a timestamp ({@link #utc} gives its text). */
    public static boolean isTimestamp(String text) {
        return plainUtc(text) != null || ColumnType.parseTimestamp(text) != null;
    }

    /** The general way: parse, move to UTC, format. */
    static String parsed(String text) {
        OffsetDateTime t = ColumnType.parseTimestamp(text);
        return t == null ? null : UTC_OUT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * {@code uuuu-MM-ddTHH:mm:ss[.f{1,6}]Z} with a real date and time, padded to six fraction
     * digits; null for anything else (another zone, more digits, 2026-02-30: left to {@link #parsed}).
     */
    static String plainUtc(String s) {
        int n = s.length();
        int plainEnd = SECONDS_END + 1; // "...:ssZ"
        if (n < plainEnd || n == plainEnd + 1 || n > plainEnd + 1 + FRACTION_DIGITS) {
            return null;
        }
        if (s.charAt(n - 1) != 'Z' || !shape(s)) {
            return null;
        }
        int fraction = n == plainEnd ? 0 : n - plainEnd - 1; // digits between the '.' and the 'Z'
        if (fraction > 0 && (s.charAt(SECONDS_END) != '.' || digits(s, SECONDS_END + 1, n - 1) < 0)) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        if (month < 1
                || month > 12
                || day < 1
                || day > java.time.Month.of(month).length(Year.isLeap(year))
                || digits(s, 11, 13) > 23
                || digits(s, 14, 16) > 59
                || digits(s, 17, 19) > 59) {
            return null;
        }
        if (fraction == FRACTION_DIGITS) {
            return s;
        }
        char[] out = new char[SECONDS_END + 1 + FRACTION_DIGITS + 1];
        s.getChars(0, n - 1, out, 0); // the seconds, and the '.' and digits of a fraction
        out[SECONDS_END] = '.';
        Arrays.fill(out, SECONDS_END + 1 + fraction, out.length - 1, '0');
        out[out.length - 1] = 'Z';
        return new String(out);
    }

    /** {@code dddd-dd-ddTdd:dd:dd} at the start. */
    private static boolean shape(String s) {
        return digits(s, 0, 4) >= 0
                && s.charAt(4) == '-'
                && digits(s, 5, 7) >= 0
                && s.charAt(7) == '-'
                && digits(s, 8, 10) >= 0
                && s.charAt(10) == 'T'
                && digits(s, 11, 13) >= 0
                && s.charAt(13) == ':'
                && digits(s, 14, 16) >= 0
                && s.charAt(16) == ':'
                && digits(s, 17, 19) >= 0;
    }

    /** The number the ASCII digits {@code [from, to)} spell, or -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
