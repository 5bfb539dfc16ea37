/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opt-in per-user ordering: while a user's request is in flight or retrying, that user's later
 * requests are held here (in memory, their offsets uncommitted) and released one at a time, in
 * order, when it is delivered or dead-lettered. The key of the record is the user.
 *
 * <p>Cost: a held request keeps its partition's committed offset behind it for as long as the
 * earlier request retries (up to the retry window), so a restart re-sends everything after it; and
 * a user with more than {@code maxHeld} held requests pauses the destination's consumer. Ordering
 * is kept within one worker's life: after a crash or rebalance a request waiting on the retry topic
 * is no longer known, and a later request of the same user may overtake it.
 */
final class UserOrdering {

    private final int maxHeld;
    private final Map<String, Deque<WorkItem>> held = new HashMap<>();
    private final Map<String, WorkItem> holders = new HashMap<>();
    private int heldCount;
    private int fullUsers;

    UserOrdering(int maxHeld) {
        this.maxHeld = maxHeld;
    }

    /** True when {@code item} may go now; otherwise it is held behind its user's earlier request. */
    boolean admit(WorkItem item) {
        if (item.key() == null) {
            return true;
        }
        Deque<WorkItem> queue = held.get(item.key());
        if (queue == null) {
            held.put(item.key(), new ArrayDeque<>());
            holders.put(item.key(), item);
            return true;
        }
        if (!item.attempts().isEmpty()) {
            // A retry of the request that holds this user: it goes, the others keep waiting.
            holders.put(item.key(), item);
            return true;
        }
        queue.addLast(item);
        heldCount++;
        if (queue.size() == maxHeld) {
            fullUsers++;
        }
        return false;
    }

    /** {@code item} is delivered or dead-lettered: the user's next request, if any, may go. */
    Optional<WorkItem> release(WorkItem item) {
        if (item.key() == null) {
            return Optional.empty();
        }
        Deque<WorkItem> queue = held.get(item.key());
        if (queue == null || queue.isEmpty()) {
            held.remove(item.key());
            holders.remove(item.key());
            return Optional.empty();
        }
        if (queue.size() == maxHeld) {
            fullUsers--;
        }
        heldCount--;
        WorkItem next = queue.pollFirst();
        holders.put(item.key(), next);
        return Optional.of(next);
    }

    /** Forgets held requests of revoked partitions (they will be read again) and those users' state. */
    void drop(Collection<?> partitions) {
        holders.values().removeIf(h -> partitions.contains(h.partition()));
        held.keySet().retainAll(holders.keySet());
        held.values().forEach(q -> q.removeIf(i -> partitions.contains(i.partition())));
        heldCount = held.values().stream().mapToInt(Deque::size).sum();
        fullUsers =
                (int) held.values().stream().filter(q -> q.size() >= maxHeld).count();
    }

    int heldCount() {
        return heldCount;
    }

    boolean anyUserFull() {
        return fullUsers > 0;
    }
}
