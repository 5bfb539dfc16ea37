/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The last calls of one source, newest first, at most {@code capacity}: what the source debugger
 * lists. Each entry has a sequence number, so a live view asks only for what came after the last one
 * it showed. Guarded by the {@link Recorder}'s lock.
 */
final class SourceLog {

    /** One call as the debugger lists it; the trace holds what is known of its messageId. */
    record Entry(long seq, Trace trace) {}

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long seq;

    SourceLog(int capacity) {
        this.capacity = capacity;
    }

    void add(Trace trace) {
        entries.addFirst(new Entry(++seq, trace));
        while (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    long lastSeq() {
        return seq;
    }

    /** Up to {@code limit} entries after {@code afterSeq} that {@code matches}, newest first. */
    List<Entry> newest(long afterSeq, int limit, Predicate<Trace> matches) {
        List<Entry> out = new ArrayList<>();
        for (Iterator<Entry> it = entries.iterator(); it.hasNext() && out.size() < limit; ) {
            Entry e = it.next();
            if (e.seq() <= afterSeq) {
                break;
            }
            if (matches.test(e.trace())) {
                out.add(new Entry(e.seq(), e.trace().copy()));
            }
        }
        return out;
    }

    /** How many entries came after {@code afterSeq} (some may have left the log already). */
    long countAfter(long afterSeq) {
        return Math.max(0, seq - afterSeq);
    }
}
