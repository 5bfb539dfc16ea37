/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.calls;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/** ISO-8601 parsing as lenient as real clients need, and Segment's output format. */
public final class Timestamps {

    /** Offsets written as Z, +01:00, +0100 or +01. */
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT) // 2023-02-30 is refused, not read as 28 February
            .withChronology(IsoChronology.INSTANCE);

    /** Always three fraction digits and a Z, as Segment writes them. */
    private static final DateTimeFormatter OUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.MILLI_OF_SECOND, 3, 3, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Timestamps() {}

    /** An ISO-8601 date-time (an offset-less one is taken as UTC) or date; empty if it is neither. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        Instant utc = utcForm(text);
        if (utc != null) {
            return Optional.of(utc);
        }
        try {
            var parsed = OFFSET.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime odt) {
                return Optional.of(odt.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(text.trim())
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * The form every SDK writes, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, read without the formatter
     * (which costs about ten times more); null for any other text, and for impossible values, which
     * the formatter then judges as before.
     */
    private static Instant utcForm(String t) {
        int n = t.length();
        if (n < 20
                || n > 30
                || t.charAt(n - 1) != 'Z'
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != 'T'
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int century = twoDigits(t, 0);
        int yearOfCentury = twoDigits(t, 2);
        int month = twoDigits(t, 5);
        int day = twoDigits(t, 8);
        int hour = twoDigits(t, 11);
        int minute = twoDigits(t, 14);
        int second = twoDigits(t, 17);
        if ((century | yearOfCentury | month | day | hour | minute | second) < 0) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between the point and the Z
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            for (int i = 0; i < 9; i++) {
                int digit = i < fraction ? t.charAt(20 + i) - '0' : 0;
                if (digit < 0 || digit > 9) {
                    return null;
                }
                nanos = nanos * 10 + digit;
            }
        }
        try {
            return LocalDateTime.of(century * 100 + yearOfCentury, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The two-digit number at {@code t[i]} and {@code t[i + 1]}, or -1 when either is not an ASCII digit. */
    private static int twoDigits(String t, int i) {
        int tens = t.charAt(i) - '0';
        int ones = t.charAt(i + 1) - '0';
        return tens < 0 || tens > 9 || ones < 0 || ones > 9 ? -1 : tens * 10 + ones;
    }

    public static String format(Instant instant) {
        return OUT.format(instant);
    }
}
