/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.workspace.plan.SuppressedUsers;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Follows the compacted {@code sb.suppressions} ({@link TopicTail}): the users operators suppressed, by topic
 * key; a tombstone lifts one. A missing topic reads as empty. Used by a replay (so it holds back what the
 * router holds back) and by {@code switchboard suppress}.
 */
public final class SuppressionView implements SuppressedUsers, AutoCloseable {

    private final TopicTail<String, UserSuppression> tail;
    private final Map<String, UserSuppression> byKey = new ConcurrentHashMap<>();
    /** The next offset to read, per partition: what was written below it is in {@link #byKey}. */
    private final Map<Integer, Long> next = new HashMap<>();

    /** @param clientProperties bootstrap servers and the role's client settings */
    public SuppressionView(Properties clientProperties, String clientId) {
        this.tail = new TopicTail<>(
                clientProperties, clientId, Topics.SUPPRESSIONS, TopicTail.WhenMissing.EMPTY, this::apply);
    }

    /** Starts following; returns at once. */
    public SuppressionView start() {
        tail.start();
        return this;
    }

    /** Waits until the topic was read up to its end offsets at start (or found missing). */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return tail.awaitLoaded(timeout);
    }

    private void apply(List<ConsumerRecord<String, UserSuppression>> records) {
        for (ConsumerRecord<String, UserSuppression> r : records) {
            if (r.key() != null && r.value() == null) {
                byKey.remove(r.key());
            } else if (r.key() != null) {
                byKey.put(r.key(), r.value());
            }
        }
        synchronized (next) {
            records.forEach(r -> next.merge(r.partition(), r.offset() + 1, Math::max));
            next.notifyAll();
        }
    }

    /**
     * Read your writes: waits until the view has read the record written at {@code offset} of {@code partition}
     * (a producer's {@code RecordMetadata}); false when {@code timeout} passed first.
     */
    public boolean awaitRead(int partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (next) {
            while (next.getOrDefault(partition, 0L) <= offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(next, left);
            }
            return true;
        }
    }

    /** The suppression under {@code key} ({@link Topics#suppressionKey}), or null. */
    public UserSuppression get(String key) {
        return byKey.get(key);
    }

    /** Every suppression now in force, by key order. */
    public List<UserSuppression> all() {
        return byKey.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public boolean suppresses(String workspaceId, String userId, String anonymousId) {
        if (byKey.isEmpty()) {
            return false;
        }
        return (userId != null
                        && byKey.containsKey(Topics.suppressionKey(workspaceId, SuppressedIdType.USER_ID, userId)))
                || (anonymousId != null
                        && byKey.containsKey(
                                Topics.suppressionKey(workspaceId, SuppressedIdType.ANONYMOUS_ID, anonymousId)));
    }

    @Override
    public void close() {
        tail.close();
    }
}
