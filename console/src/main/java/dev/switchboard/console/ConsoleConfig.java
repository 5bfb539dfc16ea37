/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console;

import dev.switchboard.options.Option;
import dev.switchboard.options.OptionSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The typed options of the console, read from {@code switchboard.console.*} properties; unknown keys
 * and unparsable values fail fast. Kafka client settings come as {@code kafka.*}.
 */
public final class ConsoleConfig {

    public static final String PREFIX = "switchboard.console.";

    public static final Option<String> HOST =
            Option.key(PREFIX + "host").stringType().defaultValue("127.0.0.1").doc("Address to bind.");
    public static final Option<Integer> PORT = Option.key(PREFIX + "port")
            .intType()
            .between(0, 65535)
            .defaultValue(9094)
            .doc("Port to bind; 0 picks a free one.");
    public static final Option<String> TOKEN = Option.key(PREFIX + "token")
            .stringType()
            .defaultValue("")
            .doc("Bearer token of the admin API and the login page; at least 16 characters (required; dev"
                    + " generates one).");
    public static final Option<Duration> SESSION_TTL = Option.key(PREFIX + "session-ttl")
            .durationType()
            .atLeast(Duration.ofMinutes(1))
            .defaultValue(Duration.ofHours(8))
            .doc("How long a browser session made from the token lasts.");
    public static final Option<Integer> CALLS_PER_SOURCE = Option.key(PREFIX + "calls-per-source")
            .intType()
            .between(10, 10_000)
            .defaultValue(500)
            .doc("Calls the source debugger keeps per source, newest first.");
    public static final Option<Integer> ERRORS_PER_DESTINATION = Option.key(PREFIX + "errors-per-destination")
            .intType()
            .between(1, 10_000)
            .defaultValue(100)
            .doc("Recent delivery errors kept per destination, apart from the live stream.");
    public static final Option<Integer> TRACES = Option.key(PREFIX + "traces")
            .intType()
            .between(100, 1_000_000)
            .defaultValue(20_000)
            .doc("Most recent messageIds whose whole life the event trace can show.");
    public static final Option<Duration> LOOKBACK = Option.key(PREFIX + "lookback")
            .durationType()
            .atLeast(Duration.ZERO)
            .defaultValue(Duration.ofMinutes(15))
            .doc("How far back the calls and traces are read at start (delivery counts always read 24 h).");

    static final List<Option<?>> ALL =
            List.of(HOST, PORT, TOKEN, SESSION_TTL, CALLS_PER_SOURCE, ERRORS_PER_DESTINATION, TRACES, LOOKBACK);

    private final OptionSet options;

    private ConsoleConfig(Map<String, String> properties) {
        this.options = OptionSet.read(PREFIX, ALL, Map.copyOf(properties));
    }

    /** Reads {@code properties}; fails fast on unknown {@code switchboard.console.*} keys and bad values. */
    public static ConsoleConfig from(Map<String, String> properties) {
        return new ConsoleConfig(properties);
    }

    /** Every option, for the configuration reference. */
    public static List<Option<?>> options() {
        return ALL;
    }

    public String host() {
        return options.get(HOST);
    }

    public int port() {
        return options.get(PORT);
    }

    /** The token; throws {@link IllegalArgumentException} naming the key when it is missing or too short. */
    public String token() {
        String token = options.get(TOKEN);
        if (token.length() < 16) {
            throw new IllegalArgumentException(TOKEN.key() + " (or SWITCHBOARD_CONSOLE_TOKEN) must be set, at least 16"
                    + " characters: it guards the console and its admin API");
        }
        return token;
    }

    public Duration sessionTtl() {
        return options.get(SESSION_TTL);
    }

    public int callsPerSource() {
        return options.get(CALLS_PER_SOURCE);
    }

    public int errorsPerDestination() {
        return options.get(ERRORS_PER_DESTINATION);
    }

    public int traces() {
        return options.get(TRACES);
    }

    public Duration lookback() {
        return options.get(LOOKBACK);
    }

    /** The Kafka client settings for every client of the console ({@code kafka.*} without a client prefix). */
    public Map<String, String> kafkaCommon() {
        return options.kafkaCommon();
    }
}
