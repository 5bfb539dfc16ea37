/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import dev.switchboard.schemas.avro.DestinationControl;
import dev.switchboard.schemas.avro.PauseInterval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One destination's pause state: whether it is paused now, and for how long it was paused between
 * two instants. The retry window does not run while a destination is paused, so a request that
 * waited out a pause is not dead-lettered for it.
 *
 * @param paused whether delivery is held now
 * @param pausedSince when the current pause began; null while running
 * @param reason the operator's reason for the last change, or null
 * @param pauses finished pauses, oldest first
 */
public record PauseClock(boolean paused, Instant pausedSince, String reason, List<PauseInterval> pauses) {

    /** A destination nobody ever paused. */
    public static final PauseClock RUNNING = new PauseClock(false, null, null, List.of());

    /**
     * Not known yet (the control topic is still being read): held, so a paused destination never
     * delivers for a moment after a restart.
     */
    public static final PauseClock UNKNOWN = new PauseClock(true, null, "pause state not loaded yet", List.of());

    public PauseClock {
        pauses = List.copyOf(pauses);
    }

    /** The clock a control record describes. */
    public static PauseClock of(DestinationControl c) {
        return new PauseClock(c.getPaused(), c.getPausedSince(), c.getReason(), c.getPauses());
    }

    /** How long the destination was paused within [from, to]; a pause still running counts up to {@code to}. */
    public Duration pausedBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (PauseInterval p : pauses) {
            total = total.plus(overlap(p.getStart(), p.getEnd(), from, to));
        }
        if (paused && pausedSince != null) {
            total = total.plus(overlap(pausedSince, to, from, to));
        }
        return total;
    }

    private static Duration overlap(Instant start, Instant end, Instant from, Instant to) {
        Instant s = start.isAfter(from) ? start : from;
        Instant e = end.isBefore(to) ? end : to;
        return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
    }
}
