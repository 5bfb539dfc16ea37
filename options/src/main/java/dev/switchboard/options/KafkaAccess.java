/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.options;

import java.util.Map;
import java.util.Properties;

/**
 * How a command or a role reaches Kafka: the bootstrap servers and the settings every client needs
 * (security, e.g. {@code security.protocol}, {@code sasl.jaas.config}: the common {@code kafka.*}
 * settings of {@link OptionSet#kafkaCommon(Map)}).
 */
public record KafkaAccess(String bootstrapServers, Map<String, String> settings) {

    public KafkaAccess {
        settings = Map.copyOf(settings);
    }

    /** A cluster that needs no settings (plaintext, no authentication: dev mode, tests). */
    public static KafkaAccess of(String bootstrapServers) {
        return new KafkaAccess(bootstrapServers, Map.of());
    }

    /** Client properties to build on: the settings, then the bootstrap servers. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(settings);
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }
}
