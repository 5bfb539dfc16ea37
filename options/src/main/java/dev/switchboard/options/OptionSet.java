/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.options;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of one role, and the values read for them. Keys that start with {@code prefix} must be
 * known options; keys under {@code kafka.} pass through to Kafka clients; anything else is ignored.
 * {@code kafka.<client>.<name>} goes to one kind of client ({@code producer}, {@code consumer},
 * {@code streams}, {@code admin}); {@code kafka.<name>} without such a prefix (e.g.
 * {@code kafka.security.protocol}, {@code kafka.sasl.jaas.config}) goes to every Kafka client of the role.
 */
public final class OptionSet {

    /** The prefixes of {@code kafka.*} keys meant for one kind of client only. */
    public static final List<String> CLIENT_PREFIXES = List.of("producer.", "consumer.", "streams.", "admin.");

    private final String prefix;
    private final Map<String, Option<?>> options = new LinkedHashMap<>();
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, String> kafka = new HashMap<>();

    private OptionSet(String prefix, List<Option<?>> options) {
        this.prefix = prefix;
        options.forEach(o -> this.options.put(o.key(), o));
    }

    /**
     * Reads {@code properties}; fails with a message naming the key (and the closest valid key) on
     * an unknown {@code prefix*} key or a value that does not parse.
     */
    public static OptionSet read(String prefix, List<Option<?>> options, Map<String, String> properties) {
        OptionSet set = new OptionSet(prefix, options);
        properties.forEach((key, value) -> {
            if (key.startsWith("kafka.")) {
                set.kafka.put(key.substring("kafka.".length()), value);
            } else if (key.startsWith(prefix)) {
                Option<?> option = set.options.get(key);
                if (option == null) {
                    throw new IllegalArgumentException("unknown option '" + key + "'" + set.suggest(key));
                }
                set.values.put(key, option.parse(value));
            }
        });
        return set;
    }

    /** The value read for {@code option}, else its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        if (!options.containsKey(option.key())) {
            throw new IllegalArgumentException(option.key() + " is not an option of " + prefix + "*");
        }
        return (T) values.getOrDefault(option.key(), option.defaultValue());
    }

    /** Kafka client settings given as {@code kafka.<name>}, without the prefix (e.g. {@code producer.linger.ms}). */
    public Map<String, String> kafka() {
        return Map.copyOf(kafka);
    }

    /** The settings for every Kafka client of the role (see {@link #kafkaCommon(Map)}). */
    public Map<String, String> kafkaCommon() {
        return common(kafka);
    }

    /**
     * The {@code kafka.<name>} keys of role {@code properties} that carry no client prefix, without
     * {@code kafka.}: connection and security settings every client of the role needs (the config view,
     * admin clients, producers, consumers, Kafka Streams).
     */
    public static Map<String, String> kafkaCommon(Map<String, String> properties) {
        Map<String, String> kafka = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("kafka.")) {
                kafka.put(key.substring("kafka.".length()), value);
            }
        });
        return common(kafka);
    }

    /**
     * Settings for one kind of client ({@code producer.}, {@code consumer.}, ...): the common ones,
     * then those given for that client, which win.
     */
    public Map<String, String> kafkaFor(String clientPrefix) {
        Map<String, String> out = new HashMap<>(common(kafka));
        kafka.forEach((k, v) -> {
            if (k.startsWith(clientPrefix)) {
                out.put(k.substring(clientPrefix.length()), v);
            }
        });
        return out;
    }

    private static Map<String, String> common(Map<String, String> kafka) {
        Map<String, String> out = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (CLIENT_PREFIXES.stream().noneMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        return Map.copyOf(out);
    }

    /** The options with their defaults and docs, for the generated config reference. */
    public Map<String, Option<?>> options() {
        return java.util.Collections.unmodifiableMap(options);
    }

    private String suggest(String key) {
        String closest = Suggestions.closest(key, options.keySet());
        return closest == null ? "; known options: " + options.keySet() : " (did you mean '" + closest + "'?)";
    }
}
