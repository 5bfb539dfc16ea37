/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.delivery.recovery.LetterFilter;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Which dead letters a {@code dlq} command is about. */
public final class LetterOptions {

    @Option(
            names = "--destination",
            required = true,
            paramLabel = "ID",
            description = "The destination whose dead letters (sb.dest.<ID>.dlq) to read.")
    String destination;

    @Option(
            names = "--since",
            paramLabel = "TIME",
            converter = Times.class,
            description = "Only letters dead-lettered at or after TIME: ISO-8601, a date, now, or -2h / -30m / -1d.")
    Instant since;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            description = "Only letters whose last answer was 4xx, 5xx, 429, timeout, or one HTTP status (503).")
    String status;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Only letters whose reason contains TEXT (e.g. retry_window_expired, http_4xx).")
    String reason;

    @Option(names = "--message-id", paramLabel = "ID", description = "Only the letter carrying this messageId.")
    String messageId;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "0",
            description = "At most N letters, oldest first; 0 = all (default: ${DEFAULT-VALUE}).")
    int limit;

    /** The filter these options describe; throws {@link BadArgument} for a bad value. */
    LetterFilter filter() {
        if (since != null && since.isAfter(Instant.now())) {
            throw new BadArgument("--since " + since + " is in the future");
        }
        try {
            return new LetterFilter(since, status, reason, messageId, limit);
        } catch (IllegalArgumentException e) {
            throw new BadArgument(e.getMessage());
        }
    }
}
