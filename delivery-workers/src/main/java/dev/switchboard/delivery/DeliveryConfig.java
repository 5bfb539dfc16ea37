/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The delivery role's typed options, read from {@code switchboard.delivery.*} properties; unknown
 * keys fail fast with the closest valid key. {@code kafka.consumer.*} and {@code kafka.producer.*}
 * pass through to the Kafka clients. A destination's {@code delivery:} block overrides the
 * per-destination ones (timeouts, retry window, in-flight, rate, per-user ordering).
 */
public final class DeliveryConfig {

    static final String PREFIX = "switchboard.delivery.";

    public static final Option<Duration> CONNECT_TIMEOUT = Option.key(PREFIX + "connect-timeout")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(5))
            .doc("TCP/TLS connect timeout of a destination call.");
    public static final Option<Duration> REQUEST_TIMEOUT = Option.key(PREFIX + "request-timeout")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(10))
            .doc("Time allowed for a destination to answer; a timeout is retried.");
    public static final Option<Duration> RETRY_WINDOW = Option.key(PREFIX + "retry-window")
            .durationType()
            .defaultValue(Duration.ofHours(4))
            .doc("How long after its first attempt a request is retried before it is dead-lettered.");
    public static final Option<Duration> BACKOFF_BASE = Option.key(PREFIX + "backoff.base")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(1))
            .doc("Delay before the second attempt; doubles with each attempt, randomized in [d/2, d].");
    public static final Option<Duration> BACKOFF_MAX = Option.key(PREFIX + "backoff.max")
            .durationType()
            .defaultValue(Duration.ofMinutes(30))
            .doc("Upper bound of one backoff delay.");
    public static final Option<Integer> MAX_IN_FLIGHT = Option.key(PREFIX + "max-in-flight")
            .intType()
            .atLeast(1)
            .defaultValue(64)
            .doc("HTTP calls in flight per destination (the AIMD ceiling).");
    public static final Option<Integer> RATE_PER_SECOND = Option.key(PREFIX + "rate-per-second")
            .intType()
            .atLeast(0)
            .defaultValue(0)
            .doc("HTTP calls per second per destination; 0 means unlimited.");
    public static final Option<Duration> BATCH_LINGER = Option.key(PREFIX + "batch.linger")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .doc("How long a batchable request may wait for others to fill its batch.");
    public static final Option<Boolean> PER_USER_ORDERING = Option.key(PREFIX + "per-user-ordering")
            .booleanType()
            .defaultValue(false)
            .doc("Hold a user's later requests while an earlier one is retrying.");
    public static final Option<Integer> PER_USER_MAX_HELD = Option.key(PREFIX + "per-user-max-held")
            .intType()
            .atLeast(1)
            .defaultValue(100)
            .doc("With per-user ordering: requests held for one user before the destination pauses.");
    public static final Option<Integer> MAX_PENDING = Option.key(PREFIX + "max-pending")
            .intType()
            .atLeast(1)
            .defaultValue(1000)
            .doc("Records read ahead per destination before its consumer pauses.");
    public static final Option<Duration> COMMIT_INTERVAL = Option.key(PREFIX + "commit-interval")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofMillis(200))
            .doc("How often finished offsets are committed.");
    public static final Option<Duration> SHUTDOWN_TIMEOUT = Option.key(PREFIX + "shutdown-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30))
            .doc("How long close() waits for in-flight calls; unfinished ones are re-sent after restart.");
    public static final Option<Duration> RESTART_DELAY = Option.key(PREFIX + "restart-delay")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(10))
            .doc("How often stopped destination workers (e.g. outcomes could not be written during a Kafka"
                    + " outage) are started again; they resume from their last committed offsets.");
    public static final Option<String> INSTANCE_ID = Option.key(PREFIX + "instance-id")
            .stringType()
            .defaultValue("")
            .doc("Static membership: the group.instance.id of this instance in every sb-delivery-<id> group"
                    + " (e.g. the pod name of a StatefulSet); a restart within the session timeout moves no"
                    + " partitions. Empty: dynamic members, which leave their groups on close.");

    private static final List<Option<?>> OPTIONS = List.of(
            CONNECT_TIMEOUT,
            REQUEST_TIMEOUT,
            RETRY_WINDOW,
            BACKOFF_BASE,
            BACKOFF_MAX,
            MAX_IN_FLIGHT,
            RATE_PER_SECOND,
            BATCH_LINGER,
            PER_USER_ORDERING,
            PER_USER_MAX_HELD,
            MAX_PENDING,
            COMMIT_INTERVAL,
            SHUTDOWN_TIMEOUT,
            RESTART_DELAY,
            INSTANCE_ID);

    private final OptionSet set;

    private DeliveryConfig(OptionSet set) {
        this.set = set;
        if (get(BACKOFF_MAX).compareTo(get(BACKOFF_BASE)) < 0) {
            throw new IllegalArgumentException(BACKOFF_BASE.key() + " must be at most " + BACKOFF_MAX.key());
        }
    }

    /** Reads {@code switchboard.delivery.*} and {@code kafka.*} keys; fails fast on unknown or invalid ones. */
    public static DeliveryConfig from(Map<String, String> properties) {
        return new DeliveryConfig(OptionSet.read(PREFIX, OPTIONS, properties));
    }

    public static DeliveryConfig defaults() {
        return from(Map.of());
    }

    /** The value of one option (given, else its default). */
    public <T> T get(Option<T> option) {
        return set.get(option);
    }

    public Duration connectTimeout() {
        return get(CONNECT_TIMEOUT);
    }

    public Duration requestTimeout() {
        return get(REQUEST_TIMEOUT);
    }

    public Duration retryWindow() {
        return get(RETRY_WINDOW);
    }

    public Duration backoffBase() {
        return get(BACKOFF_BASE);
    }

    public Duration backoffMax() {
        return get(BACKOFF_MAX);
    }

    public Duration shutdownTimeout() {
        return get(SHUTDOWN_TIMEOUT);
    }

    /** Kafka consumer settings: common {@code kafka.<name>}, then {@code kafka.consumer.<name>}. */
    public Map<String, String> consumerOverrides() {
        Map<String, String> out = new HashMap<>(kafka("consumer."));
        if (!get(INSTANCE_ID).isBlank()) {
            // One consumer per group in an instance: the id needs no suffix (groups are separate).
            out.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, get(INSTANCE_ID));
        }
        return out;
    }

    /** Kafka producer settings: common {@code kafka.<name>}, then {@code kafka.producer.<name>}. */
    public Map<String, String> producerOverrides() {
        return kafka("producer.");
    }

    /** Settings for every Kafka client of the role ({@code kafka.<name>} without a client prefix). */
    public Map<String, String> clientSettings() {
        return set.kafkaCommon();
    }

    /** Every option with its default and doc, for the generated config reference. */
    public static List<Option<?>> options() {
        return OPTIONS;
    }

    /** The common {@code kafka.<name>} settings, then those of the client's prefix, which win. */
    private Map<String, String> kafka(String prefix) {
        return set.kafkaFor(prefix);
    }
}
