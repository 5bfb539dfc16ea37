/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.batch;

import dev.switchboard.schemas.avro.BatchSpec;
import dev.switchboard.schemas.avro.DestinationRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Takes the next call's requests from the head of a pending queue: the head alone when it has no
 * {@code BatchSpec}; else the head and the queued requests of the same batch key, oldest first,
 * within max events and max bytes. A batch that is not full is taken only once {@code ready} (its
 * linger is over, or the worker is flushing); until then nothing is taken.
 */
public final class BatchSelector {

    private BatchSelector() {}

    /**
     * Removes and returns the next call's items from {@code pending}; empty when the head is a batch
     * that should wait for more.
     */
    public static <T> List<T> take(Deque<T> pending, Function<T, DestinationRequest> request, boolean ready) {
        T head = pending.peekFirst();
        if (head == null) {
            return List.of();
        }
        DestinationRequest first = request.apply(head);
        BatchSpec spec = first.getBatch();
        if (spec == null) {
            return List.of(pending.pollFirst());
        }
        int maxEvents = Math.max(1, spec.getMaxEvents());
        int maxBytes = spec.getMaxBytes() <= 0 ? Integer.MAX_VALUE : spec.getMaxBytes();
        List<T> taken = new ArrayList<>();
        long bytes = BatchAssembler.overheadBytes(spec);
        boolean full = false;
        for (Iterator<T> it = pending.iterator(); it.hasNext(); ) {
            T item = it.next();
            DestinationRequest r = request.apply(item);
            if (r.getBatch() == null || !Objects.equals(r.getBatchKey(), first.getBatchKey())) {
                continue;
            }
            int size = BatchAssembler.itemBytes(r);
            if (!taken.isEmpty() && bytes + size > maxBytes) {
                full = true;
                break;
            }
            taken.add(item);
            bytes += size;
            if (taken.size() >= maxEvents) {
                full = true;
                break;
            }
        }
        if (!full && !ready) {
            return List.of();
        }
        removeAll(pending, taken);
        return taken;
    }

    private static <T> void removeAll(Deque<T> pending, List<T> taken) {
        Set<T> remove = Collections.newSetFromMap(new IdentityHashMap<>());
        remove.addAll(taken);
        pending.removeIf(remove::contains);
    }
}
