/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.schemas.avro.DeliveryAttempt;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Which dead letters a command is about. Every criterion is optional (null matches all).
 *
 * @param since only letters dead-lettered at or after this time
 * @param status the last attempt's answer: {@code 4xx} (400-499), {@code 5xx}, {@code 429}, {@code timeout}
 *     (request or connect timeout), or one exact status such as {@code 503}
 * @param reason text the letter's reason contains (case-insensitive)
 * @param messageId a messageId the request carries
 * @param limit at most this many letters, oldest first; 0 = no limit
 */
public record LetterFilter(Instant since, String status, String reason, String messageId, int limit) {

    /** Every letter. */
    public static final LetterFilter ALL = new LetterFilter(null, null, null, null, 0);

    private static final Set<String> TIMEOUTS = Set.of("timeout", "connect_timeout");

    public LetterFilter {
        if (status != null) {
            status = checkStatus(status);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more, not " + limit);
        }
    }

    /** {@code status} as a filter value; throws {@link IllegalArgumentException} naming the accepted forms. */
    public static String checkStatus(String status) {
        String s = status.toLowerCase(Locale.ROOT);
        if (s.equals("4xx") || s.equals("5xx") || s.equals("timeout") || s.matches("[1-5][0-9][0-9]")) {
            return s;
        }
        throw new IllegalArgumentException(
                "unknown status '" + status + "': use 4xx, 5xx, 429, timeout or an HTTP status such as 503");
    }

    public boolean matches(Letter l) {
        if (since != null && l.deadLetteredAt().isBefore(since)) {
            return false;
        }
        if (reason != null
                && !l.letter().getReason().toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (messageId != null && !l.letter().getRequest().getMessageIds().contains(messageId)) {
            return false;
        }
        return status == null || statusMatches(l.lastAttempt());
    }

    private boolean statusMatches(DeliveryAttempt a) {
        if (a == null) {
            return false;
        }
        Integer http = a.getHttpStatus();
        return switch (status) {
            case "4xx" -> http != null && http >= 400 && http < 500;
            case "5xx" -> http != null && http >= 500 && http < 600;
            case "timeout" -> http == null && a.getErrorClass() != null && TIMEOUTS.contains(a.getErrorClass());
            default -> http != null && http == Integer.parseInt(status);
        };
    }
}
