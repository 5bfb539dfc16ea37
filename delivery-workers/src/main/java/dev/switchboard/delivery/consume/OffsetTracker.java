/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import java.util.TreeSet;

/**
 * Offsets of one partition that were read but are not finished yet. Calls complete out of order;
 * the committable offset is the oldest unfinished one, or the next to read when all are finished,
 * so a commit never passes a request whose outcome is not yet recorded.
 */
final class OffsetTracker {

    private final TreeSet<Long> open = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    /** A record at {@code offset} was read and will be finished later. */
    void read(long offset) {
        open.add(offset);
        next = Math.max(next, offset + 1);
    }

    /** The record at {@code offset} is finished (its outcome and any retry/DLQ record acknowledged). */
    void done(long offset) {
        open.remove(offset);
    }

    /** The offset to commit now; -1 when nothing new can be committed. */
    long committable() {
        if (next < 0) {
            return -1;
        }
        long c = open.isEmpty() ? next : open.first();
        return c > committed ? c : -1;
    }

    void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    int openCount() {
        return open.size();
    }

    boolean isOpen(long offset) {
        return open.contains(offset);
    }
}
