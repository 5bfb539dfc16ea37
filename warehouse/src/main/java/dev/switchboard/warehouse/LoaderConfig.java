/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The warehouse role's typed options, read from {@code switchboard.warehouse.*} properties; unknown
 * keys fail fast with the closest valid key. {@code kafka.consumer.*} passes through to the consumer.
 */
public final class LoaderConfig {

    static final String PREFIX = "switchboard.warehouse.";

    public static final Option<Integer> BATCH_ROWS = Option.key(PREFIX + "batch.rows")
            .intType()
            .atLeast(1)
            .defaultValue(5_000)
            .doc("Events read before a batch is loaded (a poll of up to 2000 more may join it).");
    public static final Option<Long> BATCH_BYTES = Option.key(PREFIX + "batch.bytes")
            .longType()
            .atLeast(1L)
            .defaultValue(32L << 20)
            .doc("Bytes of events read before a batch is loaded, at the latest.");
    public static final Option<Duration> BATCH_LINGER = Option.key(PREFIX + "batch.linger")
            .durationType()
            .defaultValue(Duration.ofSeconds(2))
            .doc("How long the first event of a batch waits for others before the batch is loaded.");
    public static final Option<Integer> COLUMN_BUDGET = Option.key(PREFIX + "column-budget")
            .intType()
            .between(32, 1600)
            .defaultValue(1000)
            .doc("Columns a table may have (PostgreSQL's limit is 1600); later properties go to _unmapped_data.");
    public static final Option<Duration> BACKOFF_BASE = Option.key(PREFIX + "backoff.base")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(1))
            .doc("Wait after a failed load; doubles with each failure.");
    public static final Option<Duration> BACKOFF_MAX = Option.key(PREFIX + "backoff.max")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .doc("Longest wait between two attempts to load a batch.");
    public static final Option<Duration> CONNECT_TIMEOUT = Option.key(PREFIX + "connect-timeout")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(10))
            .doc("Connect timeout to the warehouse; a read may take six times as long.");
    public static final Option<Duration> SHUTDOWN_TIMEOUT = Option.key(PREFIX + "shutdown-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .doc("How long close() may spend loading the last batch; what is left is loaded after restart.");
    public static final Option<String> INSTANCE_ID = Option.key(PREFIX + "instance-id")
            .stringType()
            .defaultValue("")
            .doc("Static membership: the group.instance.id of this instance in every sb-warehouse-<id> group"
                    + " (e.g. the pod name of a StatefulSet); a restart within the session timeout moves no"
                    + " partitions. Empty: dynamic members, which leave their groups on close.");

    private static final List<Option<?>> OPTIONS = List.of(
            BATCH_ROWS,
            BATCH_BYTES,
            BATCH_LINGER,
            COLUMN_BUDGET,
            BACKOFF_BASE,
            BACKOFF_MAX,
            CONNECT_TIMEOUT,
            SHUTDOWN_TIMEOUT,
            INSTANCE_ID);

    private final OptionSet set;

    private LoaderConfig(OptionSet set) {
        this.set = set;
        if (get(BACKOFF_MAX).compareTo(get(BACKOFF_BASE)) < 0) {
            throw new IllegalArgumentException(BACKOFF_BASE.key() + " must be at most " + BACKOFF_MAX.key());
        }
    }

    /** Reads {@code switchboard.warehouse.*} and {@code kafka.*} keys; fails fast on unknown or invalid ones. */
    public static LoaderConfig from(Map<String, String> properties) {
        return new LoaderConfig(OptionSet.read(PREFIX, OPTIONS, properties));
    }

    public static LoaderConfig defaults() {
        return from(Map.of());
    }

    public <T> T get(Option<T> option) {
        return set.get(option);
    }

    /**
     * Kafka consumer settings: the common {@code kafka.<name>} ones (SASL, TLS), then those given as
     * {@code kafka.consumer.<name>}, which win; the instance id as {@code group.instance.id}.
     */
    public Map<String, String> consumerOverrides() {
        Map<String, String> out = new HashMap<>(set.kafkaFor("consumer."));
        if (!get(INSTANCE_ID).isBlank()) {
            // One consumer per group in an instance: the id needs no suffix (groups are separate).
            out.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, get(INSTANCE_ID));
        }
        return out;
    }

    /** Every option with its default and doc, for the generated config reference. */
    public static List<Option<?>> options() {
        return OPTIONS;
    }
}
