/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.consume;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The Kafka consumer of one destination's worker. */
final class WorkerConsumers {

    private WorkerConsumers() {}

    /**
     * A dynamic member that crashed (SIGKILL, OOM kill) holds its partitions until its session times
     * out; Kafka's 45 s default made a restarted delivery deliver nothing for that long (the fault
     * suite measured it, docs/guarantees.md). Heartbeats come from the consumer's own thread, not the
     * delivery loop, so a slow destination never expires a session: only a JVM or network stall
     * longer than this does, and its partitions then move (re-sending at most the in-flight requests).
     * {@code kafka.consumer.session.timeout.ms} still wins.
     */
    static final String SESSION_TIMEOUT_MS = "10000";

    static final String HEARTBEAT_INTERVAL_MS = "3000";

    static KafkaConsumer<String, byte[]> create(WorkerTuning s, String bootstrapServers) {
        return new KafkaConsumer<>(
                properties(s, bootstrapServers), new StringDeserializer(), new ByteArrayDeserializer());
    }

    static Properties properties(WorkerTuning s, String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The router writes with exactly_once_v2: never deliver an aborted request.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Same partition number of sb.dest.<id> and its .retry to the same worker: one user's requests
        // and retries meet in one place (per-user ordering).
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        // Destination topics may be created after the worker starts: look for them often.
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "3000");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        p.putAll(s.consumerOverrides());
        return p;
    }
}
