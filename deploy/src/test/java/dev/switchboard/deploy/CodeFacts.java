/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.deploy;

import dev.switchboard.delivery.consume.WorkerTuning;
import dev.switchboard.delivery.recovery.DeadLetterQueue;
import dev.switchboard.launcher.Switchboard;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.router.replay.ArchiveReplay;
import dev.switchboard.schemas.Topics;
import dev.switchboard.warehouse.load.WarehouseLoader;
import java.util.Map;

/** What the code names and chooses, read from the code itself: the manifests must agree with it. */
final class CodeFacts {

    private CodeFacts() {}

    /** The router's consumer group, prefix of its internal topics and transactional ids. */
    static String routerApplicationId() {
        return RouterConfig.APPLICATION_ID.defaultValue();
    }

    /** {@code sb.dest.}: every destination's request, retry and dead-letter topic starts with it. */
    static String destinationTopicPrefix() {
        return Topics.destination("x").name().replaceAll("x$", "");
    }

    /** {@code sb-delivery-}: every destination worker's consumer group starts with it. */
    static String deliveryGroupPrefix() {
        return groupOf("x").replaceAll("x$", "");
    }

    /** {@code sb-warehouse-}: every warehouse loader's consumer group starts with it. */
    static String warehouseGroupPrefix() {
        return WarehouseLoader.GROUP_PREFIX;
    }

    /** {@code sb-redrive-}: the transactional id of {@code dlq redrive} for each destination. */
    static String redriveTransactionalIdPrefix() {
        return DeadLetterQueue.TRANSACTIONAL_ID_PREFIX;
    }

    /** {@code sb-replay-}: the transactional id of {@code replay} for each replay id. */
    static String replayTransactionalIdPrefix() {
        return ArchiveReplay.TRANSACTIONAL_ID_PREFIX;
    }

    static String groupOf(String destinationId) {
        return new WorkerTuning(
                        destinationId, null, null, null, null, null, 1, 0, null, false, 1, 1, null, null, Map.of())
                .groupId();
    }

    /** The default of an option of a subcommand, e.g. {@code topics create --partitions}. */
    static String defaultOf(String option, String... command) {
        var cli = Switchboard.commandLine();
        for (String c : command) {
            cli = cli.getSubcommands().get(c);
        }
        return cli.getCommandSpec().findOption(option).defaultValue();
    }
}
