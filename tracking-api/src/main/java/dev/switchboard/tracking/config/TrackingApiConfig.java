/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.config;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed options of the tracking API, read from {@code switchboard.tracking.*} properties; Kafka
 * producer settings pass through as {@code kafka.producer.*}. Unknown {@code switchboard.tracking.*}
 * keys and unparsable values fail fast, naming the closest valid key.
 */
public final class TrackingApiConfig {

    /** What to do with a call whose write key is unknown (or whose source is disabled). */
    public enum UnknownWriteKey {
        /** 401 (unknown key) or 403 (disabled source) with a JSON reason: what a developer debugging wants. */
        REJECT,
        /** Segment's behaviour: 200 {@code {"success": true}}, the call dropped and counted. */
        DROP
    }

    public static final String PREFIX = "switchboard.tracking.";

    public static final Option<String> HOST =
            Option.key(PREFIX + "host").stringType().defaultValue("127.0.0.1").doc("Address to bind.");
    public static final Option<Integer> PORT = Option.key(PREFIX + "port")
            .intType()
            .between(0, 65535)
            .defaultValue(8080)
            .doc("Port to bind; 0 picks a free one.");
    public static final Option<Integer> MAX_CALL_BYTES = Option.key(PREFIX + "limits.call-bytes")
            .intType()
            .atLeast(1)
            .defaultValue(32 * 1024)
            .doc("Largest body of a single call (after decompression); larger is a 400.");
    public static final Option<Integer> MAX_BATCH_BYTES = Option.key(PREFIX + "limits.batch-bytes")
            .intType()
            .atLeast(1)
            .defaultValue(500 * 1024)
            .doc("Largest body of a batch (after decompression); larger is a 400.");
    public static final Option<Integer> MAX_EVENT_BYTES = Option.key(PREFIX + "limits.event-bytes")
            .intType()
            .atLeast(1)
            .defaultValue(32 * 1024)
            .doc("Largest event inside a batch; a larger item is rejected by index.");
    public static final Option<Integer> MAX_BATCH_EVENTS = Option.key(PREFIX + "limits.batch-events")
            .intType()
            .atLeast(1)
            .defaultValue(2500)
            .doc("Most events in one batch; more is a 400.");
    public static final Option<UnknownWriteKey> UNKNOWN_WRITE_KEY = Option.key(PREFIX + "unknown-write-key")
            .enumType(UnknownWriteKey.class)
            .defaultValue(UnknownWriteKey.REJECT)
            .doc("reject: 401/403 with a JSON reason; drop: Segment's 200, dropped and counted.");
    public static final Option<String> CORS_ORIGINS = Option.key(PREFIX + "cors.allowed-origins")
            .stringType()
            .defaultValue("*")
            .doc("Comma-separated origins browsers may call from; * allows any.");
    public static final Option<String> TRUSTED_PROXIES = Option.key(PREFIX + "trusted-proxies")
            .stringType()
            .defaultValue("")
            .doc("Comma-separated IPs or CIDRs whose X-Forwarded-For is believed.");
    public static final Option<Integer> RATE_LIMIT = Option.key(PREFIX + "rate-limit.requests-per-second")
            .intType()
            .atLeast(0)
            .defaultValue(0)
            .doc("Per-source token bucket refill rate; 0 turns rate limiting off.");
    public static final Option<Integer> RATE_BURST = Option.key(PREFIX + "rate-limit.burst")
            .intType()
            .atLeast(0)
            .defaultValue(0)
            .doc("Per-source bucket size; 0 means one second's worth of requests.");
    public static final Option<Duration> ACK_TIMEOUT = Option.key(PREFIX + "ack-timeout")
            .durationType()
            .atLeast(Duration.ofMillis(1))
            .defaultValue(Duration.ofSeconds(10))
            .doc("Longest wait for Kafka's acknowledgement before answering 503.");
    public static final Option<Duration> RETRY_AFTER = Option.key(PREFIX + "retry-after")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .doc("Retry-After sent with a 503.");
    public static final Option<Duration> SHUTDOWN_TIMEOUT = Option.key(PREFIX + "shutdown-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(15))
            .doc("Longest wait for in-flight requests on close.");
    public static final Option<String> PUBLIC_URL = Option.key(PREFIX + "public-url")
            .stringType()
            .defaultValue("")
            .doc("Base URL browsers reach this API at (for the settings document); empty: from the Host header.");
    public static final Option<Integer> EVENT_LOOPS = Option.key(PREFIX + "event-loops")
            .intType()
            .atLeast(0)
            .defaultValue(0)
            .doc("Vert.x event-loop threads; 0: two per core.");

    static final List<Option<?>> ALL = List.of(
            HOST,
            PORT,
            MAX_CALL_BYTES,
            MAX_BATCH_BYTES,
            MAX_EVENT_BYTES,
            MAX_BATCH_EVENTS,
            UNKNOWN_WRITE_KEY,
            CORS_ORIGINS,
            TRUSTED_PROXIES,
            RATE_LIMIT,
            RATE_BURST,
            ACK_TIMEOUT,
            RETRY_AFTER,
            SHUTDOWN_TIMEOUT,
            PUBLIC_URL,
            EVENT_LOOPS);

    private final Map<String, String> properties;
    private final OptionSet options;

    private TrackingApiConfig(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
        this.options = OptionSet.read(PREFIX, ALL, this.properties);
    }

    /** Reads {@code properties}; fails fast on unknown {@code switchboard.tracking.*} keys and bad values. */
    public static TrackingApiConfig from(Map<String, String> properties) {
        return new TrackingApiConfig(properties);
    }

    /**
     * {@code properties}, then the listen address a command line gave: a flag given wins over its key
     * ({@code switchboard.tracking.host}/{@code port}); a flag not given (null) leaves the key, else the
     * option's default.
     */
    public static TrackingApiConfig from(Map<String, String> properties, String host, Integer port) {
        Map<String, String> all = new HashMap<>(properties);
        if (host != null) {
            all.put(HOST.key(), host);
        }
        if (port != null) {
            all.put(PORT.key(), port.toString());
        }
        return new TrackingApiConfig(all);
    }

    /** Every option at its default. */
    public static TrackingApiConfig defaults() {
        return new TrackingApiConfig(Map.of());
    }

    public TrackingApiConfig withPort(int port) {
        return with(PORT.key(), Integer.toString(port));
    }

    public TrackingApiConfig withHost(String host) {
        return with(HOST.key(), host);
    }

    /** This config with one more property (any {@code switchboard.tracking.*} or {@code kafka.*} key). */
    public TrackingApiConfig with(String key, String value) {
        Map<String, String> copy = new HashMap<>(properties);
        copy.put(key, value);
        return new TrackingApiConfig(copy);
    }

    public String host() {
        return options.get(HOST);
    }

    public int port() {
        return options.get(PORT);
    }

    public int maxCallBytes() {
        return options.get(MAX_CALL_BYTES);
    }

    public int maxBatchBytes() {
        return options.get(MAX_BATCH_BYTES);
    }

    public int maxEventBytes() {
        return options.get(MAX_EVENT_BYTES);
    }

    public int maxBatchEvents() {
        return options.get(MAX_BATCH_EVENTS);
    }

    public UnknownWriteKey unknownWriteKey() {
        return options.get(UNKNOWN_WRITE_KEY);
    }

    public List<String> corsOrigins() {
        return split(options.get(CORS_ORIGINS));
    }

    public List<String> trustedProxies() {
        return split(options.get(TRUSTED_PROXIES));
    }

    public int rateLimitPerSecond() {
        return options.get(RATE_LIMIT);
    }

    /** The bucket size: the burst option, else one second of the rate. */
    public int rateLimitBurst() {
        int burst = options.get(RATE_BURST);
        return burst == 0 ? rateLimitPerSecond() : burst;
    }

    public Duration ackTimeout() {
        return options.get(ACK_TIMEOUT);
    }

    public Duration retryAfter() {
        return options.get(RETRY_AFTER);
    }

    public Duration shutdownTimeout() {
        return options.get(SHUTDOWN_TIMEOUT);
    }

    public String publicUrl() {
        return options.get(PUBLIC_URL);
    }

    public int eventLoops() {
        return options.get(EVENT_LOOPS);
    }

    /**
     * Producer settings: the common {@code kafka.<name>} ones, then {@code kafka.producer.<name>},
     * without the prefix.
     */
    public Map<String, String> producerOverrides() {
        return options.kafkaFor("producer.");
    }

    /** Settings for every Kafka client of the role ({@code kafka.<name>} without a client prefix). */
    public Map<String, String> clientSettings() {
        return options.kafkaCommon();
    }

    /** The options with defaults and docs, for the generated reference. */
    public static List<Option<?>> options() {
        return ALL;
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Override
    public String toString() {
        return "TrackingApiConfig" + properties;
    }
}
