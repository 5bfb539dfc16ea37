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
 * (RFC 9110 §10.2.3), else {@code X-RateLimit-Reset} as epoch seconds (values ≥ 10^9) or delta
 * seconds. Header names are matched case-insensitively; unparseable values are ignored.
 */
public final class RetryAfter {

    private static final long EPOCH_SECONDS_THRESHOLD = 1_000_000_000L;

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
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at =
                    ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(nonNegative(Duration.between(now, at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<Duration> rateLimitReset(String value, Instant now) {
        String v = value.trim();
        if (!v.matches("\\d+(\\.\\d+)?")) {
            return Optional.empty();
        }
        double n = Double.parseDouble(v);
        if (n >= EPOCH_SECONDS_THRESHOLD) {
            Instant at = Instant.ofEpochMilli((long) (n * 1000));
            return Optional.of(nonNegative(Duration.between(now, at)));
        }
        return Optional.of(Duration.ofMillis((long) (n * 1000)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
