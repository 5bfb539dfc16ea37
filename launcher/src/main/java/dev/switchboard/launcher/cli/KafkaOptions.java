/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.options.OptionSet;
import picocli.CommandLine.Option;

/** {@code --kafka}: the cluster every role talks to. */
public final class KafkaOptions {

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:SWITCHBOARD_KAFKA:-127.0.0.1:9092}")
    String bootstrapServers;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The cluster with the common {@code kafka.*} settings of {@code properties} (security). */
    public KafkaAccess access(RoleProperties properties) {
        return new KafkaAccess(bootstrapServers, OptionSet.kafkaCommon(properties.read()));
    }
}
