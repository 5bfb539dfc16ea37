/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * How long a destination asked us to wait: {@code Retry-After} as delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3), else {@code X-RateLimit-Reset} as epoch milliseconds (values ≥ 10^12), epoch
 * seconds (≥ 10^9) or delta seconds. Header names are matched case-insensitively; unparseable values
 * are ignored. A wait is at most {@link #MAX_WAIT}: one answer cannot stop a destination for longer,
 * and no value, however large, can overflow.
 */
public final class RetryAfter {

    /** The longest wait a destination can ask for. */
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;
    private static final long EPOCH_MILLIS_THRESHOLD = 1_000_000_000_000L;

    private RetryAfter() {}

    /** The wait measured from {@code now}; empty when no usable header is present. */
    public static Optional<Duration> parse(Map<String, String> headers, Instant now) {
        Optional<Duration> retryAfter = header(headers, "retry-after").flatMap(v -> retryAfter(v, now));
        return retryAfter.isPresent()
                ? retryAfter
                : header(headers, "x-ratelimit-reset").flatMap(v -> rateLimitReset(v, now));
    }

    static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.trim();
        if (v.matches("\\d+")) {
            // more than 9 digits is more than 31 years: the cap, without parsing what may not fit a long
            return Optional.of(v.length() > 9 ? MAX_WAIT : capped(Duration.ofSeconds(Long.parseLong(v))));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(capped(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> rateLimitReset(String value, Instant now) {
        String v = value.trim();
        if (!v.matches("\\d{1,15}(\\.\\d{1,9})?")) {
            return Optional.empty();
        }
        double n = Double.parseDouble(v);
        if (n >= EPOCH_MILLIS_THRESHOLD) {
            return Optional.of(capped(Duration.between(now, Instant.ofEpochMilli((long) n))));
        }
        if (n >= EPOCH_SECONDS_THRESHOLD) {
            return Optional.of(capped(Duration.between(now, Instant.ofEpochMilli((long) (n * 1000)))));
        }
        return Optional.of(capped(Duration.ofMillis((long) (n * 1000))));
    }

    private static Duration capped(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
