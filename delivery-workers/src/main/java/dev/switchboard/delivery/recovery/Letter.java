/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.schemas.avro.DeadLetter;
import dev.switchboard.schemas.avro.DeliveryAttempt;
import dev.switchboard.schemas.avro.Redrive;
import java.time.Instant;

/**
 * One dead letter as read from {@code sb.dest.<id>.dlq}, with where it is and whether it was
 * redriven already.
 *
 * @param partition its partition of the dead-letter topic
 * @param offset its offset there
 * @param key the record key (the user), reused when it is redriven
 * @param letter the dead letter: request, every attempt, reason
 * @param redrive the last redrive of this letter, or null when it was never redriven
 */
public record Letter(int partition, long offset, String key, DeadLetter letter, Redrive redrive) {

    /** The letter's id on the command line: {@code <partition>:<offset>}. */
    public String id() {
        return partition + ":" + offset;
    }

    /** Parses {@link #id()}; throws {@link IllegalArgumentException} naming the expected form. */
    public static long[] parseId(String id) {
        String[] parts = id.split(":", -1);
        try {
            if (parts.length == 2) {
                long p = Integer.parseInt(parts[0]);
                long o = Long.parseLong(parts[1]);
                if (p >= 0 && o >= 0) {
                    return new long[] {p, o};
                }
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw new IllegalArgumentException(
                "not a dead letter id: '" + id + "' (expected PARTITION:OFFSET, as 'dlq list' prints)");
    }

    public Instant deadLetteredAt() {
        return letter.getDeadLetteredAt();
    }

    /** The last attempt, or null when the request was never sent (an invalid request). */
    public DeliveryAttempt lastAttempt() {
        return letter.getAttempts().isEmpty()
                ? null
                : letter.getAttempts().get(letter.getAttempts().size() - 1);
    }

    /** The last attempt's HTTP status, else its error class ({@code timeout}, {@code connect}, ...), else "-". */
    public String lastStatus() {
        DeliveryAttempt a = lastAttempt();
        if (a == null) {
            return "-";
        }
        if (a.getHttpStatus() != null) {
            return String.valueOf(a.getHttpStatus());
        }
        return a.getErrorClass() == null ? "-" : a.getErrorClass();
    }

    public boolean redriven() {
        return redrive != null;
    }
}
