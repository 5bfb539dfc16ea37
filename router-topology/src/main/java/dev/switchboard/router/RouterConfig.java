/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionSet;
import dev.switchboard.router.errors.RejectingDeserializationHandler;
import dev.switchboard.router.errors.RejectingProcessingHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The router role's options ({@code switchboard.router.*}); Kafka Streams settings pass through as
 * {@code kafka.streams.<name>}, and {@code kafka.<name>} without a client prefix (security) reaches
 * every client Kafka Streams creates.
 */
public final class RouterConfig {

    /** How records are processed: exactly once (the default) or at least once. */
    public enum Guarantee {
        EXACTLY_ONCE_V2,
        AT_LEAST_ONCE
    }

    public static final Option<String> APPLICATION_ID = Option.key("switchboard.router.application-id")
            .stringType()
            .defaultValue("switchboard-router")
            .doc("Kafka Streams application id: the consumer group and the prefix of internal topics.");
    public static final Option<Guarantee> GUARANTEE = Option.key("switchboard.router.processing-guarantee")
            .enumType(Guarantee.class)
            .defaultValue(Guarantee.EXACTLY_ONCE_V2)
            .doc("exactly_once_v2 (each event archived and mapped once) or at_least_once.");
    public static final Option<String> STATE_DIR = Option.key("switchboard.router.state-dir")
            .stringType()
            .defaultValue("")
            .doc("Where local state stores live; empty: switchboard-router in the JVM's temporary directory"
                    + " (java.io.tmpdir).");
    public static final Option<Integer> THREADS = Option.key("switchboard.router.threads")
            .intType()
            .atLeast(1)
            .defaultValue(1)
            .doc("Stream threads in this instance.");
    public static final Option<Integer> STANDBY_REPLICAS = Option.key("switchboard.router.standby-replicas")
            .intType()
            .atLeast(0)
            .defaultValue(0)
            .doc("Warm copies of each state store on other instances, for fast fail-over.");
    public static final Option<Integer> REPLICATION_FACTOR = Option.key("switchboard.router.replication-factor")
            .intType()
            .atLeast(-1)
            .defaultValue(-1)
            .doc("Replication of internal topics; -1 takes the broker's default.");
    public static final Option<Duration> COMMIT_INTERVAL = Option.key("switchboard.router.commit-interval")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofMillis(100))
            .doc("How often progress is committed (with exactly-once, how long a transaction stays open).");

    public static final Option<Duration> DEDUPE_WINDOW = Option.key("switchboard.router.dedupe.window")
            .durationType()
            .atLeast(Duration.ofSeconds(1))
            .defaultValue(Duration.ofHours(24))
            .doc("How long a (source, messageId) is remembered: a copy within this window is dropped.");
    public static final Option<StoreType> DEDUPE_STORE = Option.key("switchboard.router.dedupe.store")
            .enumType(StoreType.class)
            .defaultValue(StoreType.ROCKSDB)
            .doc("rocksdb (persistent, the default) or in_memory (rebuilt from the changelog on restart).");
    public static final Option<String> INSTANCE_ID = Option.key("switchboard.router.instance-id")
            .stringType()
            .defaultValue("")
            .doc("Static membership: the group.instance.id of this instance (Kafka Streams adds -<thread>),"
                    + " e.g. the pod name of a StatefulSet; a restart within the session timeout moves no"
                    + " partitions. Empty: a dynamic member, which leaves the group on a clean close.");

    static final List<Option<?>> OPTIONS = List.of(
            APPLICATION_ID,
            GUARANTEE,
            STATE_DIR,
            THREADS,
            STANDBY_REPLICAS,
            REPLICATION_FACTOR,
            COMMIT_INTERVAL,
            DEDUPE_WINDOW,
            DEDUPE_STORE,
            INSTANCE_ID);

    /** Where the dedupe store keeps its data. */
    public enum StoreType {
        ROCKSDB,
        IN_MEMORY
    }

    private final OptionSet options;

    private RouterConfig(OptionSet options) {
        this.options = options;
    }

    /** {@link #STATE_DIR}, else switchboard-router in java.io.tmpdir. */
    public String stateDir() {
        String dir = get(STATE_DIR);
        return dir.isEmpty()
                ? Path.of(System.getProperty("java.io.tmpdir"), "switchboard-router")
                        .toString()
                : dir;
    }

    /** Reads the role's properties; fails on an unknown {@code switchboard.router.*} key. */
    public static RouterConfig from(Map<String, String> properties) {
        return new RouterConfig(OptionSet.read("switchboard.router.", OPTIONS, properties));
    }

    /** Every option of the role, for the generated config reference. */
    public static List<Option<?>> options() {
        return OPTIONS;
    }

    public static RouterConfig defaults() {
        return from(Map.of());
    }

    public <T> T get(Option<T> option) {
        return options.get(option);
    }

    /** The Kafka Streams properties for a cluster at {@code bootstrapServers}. */
    public Properties streamsProperties(String bootstrapServers) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, get(APPLICATION_ID));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, get(GUARANTEE).name().toLowerCase(java.util.Locale.ROOT));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, get(THREADS));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, get(STANDBY_REPLICAS));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, get(REPLICATION_FACTOR));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, get(COMMIT_INTERVAL).toMillis());
        p.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                RejectingDeserializationHandler.class.getName());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RejectingProcessingHandler.class.getName());
        p.put(StreamsConfig.producerPrefix("acks"), "all");
        String instanceId = get(INSTANCE_ID);
        if (instanceId.isBlank()) {
            // Kafka Streams keeps a closed instance in its group until the session times out (45 s), so an
            // instance started again, or the ones left after a scale-down, would wait that long for the
            // partitions. A clean close leaves the group at once instead (a crash still waits).
            p.put(StreamsConfig.mainConsumerPrefix("internal.leave.group.on.close"), "true");
            // A crash cannot leave the group: its tasks wait for the session to time out. 10 s instead of
            // 45 s (the fault suite measured restart to first delivery 44.8 s, docs/guarantees.md).
            // Heartbeats come from the consumer's own thread, so only a stall of the whole JVM or the
            // network this long moves the tasks; exactly-once fences the old member's transactions.
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        } else {
            // Static membership: a member that comes back under the same id within the session timeout
            // gets its tasks back without a rebalance, so a close must not leave the group.
            p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), instanceId);
            p.put(StreamsConfig.mainConsumerPrefix("internal.leave.group.on.close"), "false");
        }
        // Common kafka.<name> settings (security) reach every client Kafka Streams creates;
        // kafka.streams.<name> win over them.
        p.putAll(options.kafkaFor("streams."));
        return p;
    }
}
