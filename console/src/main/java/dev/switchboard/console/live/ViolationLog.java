/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.live;

import dev.switchboard.schemas.avro.Violation;
import dev.switchboard.schemas.avro.ViolationKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The violations of one source's tracking plan that the console has read from {@code sb.violations}:
 * the last {@code capacity}, newest first, and how many of each kind since it started reading. Guarded
 * by the {@link Recorder}'s lock.
 */
public final class ViolationLog {

    /**
     * What the violations view shows of one source.
     *
     * @param recent the newest violations, newest first
     * @param counts how many of each kind were read (every kind, zero included), since {@code lookback} ago
     * @param total how many were read in all
     */
    public record Snapshot(List<Violation> recent, Map<ViolationKind, Long> counts, long total) {

        /** A source with no violations read. */
        public static Snapshot empty() {
            return new ViolationLog(1).snapshot(0);
        }
    }

    private final int capacity;
    private final ArrayDeque<Violation> recent = new ArrayDeque<>();
    private final EnumMap<ViolationKind, Long> counts = new EnumMap<>(ViolationKind.class);
    private long total;

    ViolationLog(int capacity) {
        this.capacity = capacity;
        for (ViolationKind k : ViolationKind.values()) {
            counts.put(k, 0L);
        }
    }

    void add(Violation v) {
        recent.addFirst(v);
        while (recent.size() > capacity) {
            recent.removeLast();
        }
        counts.merge(v.getKind(), 1L, Long::sum);
        total++;
    }

    /** The newest {@code limit} violations and the counts, copied. */
    Snapshot snapshot(int limit) {
        List<Violation> out = new ArrayList<>(Math.min(limit, recent.size()));
        for (Iterator<Violation> it = recent.iterator(); it.hasNext() && out.size() < limit; ) {
            out.add(Violation.newBuilder(it.next()).build());
        }
        return new Snapshot(List.copyOf(out), Map.copyOf(counts), total);
    }
}
