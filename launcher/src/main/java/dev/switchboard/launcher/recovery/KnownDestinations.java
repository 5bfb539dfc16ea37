/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.schemas.DestinationIds;
import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.config.KafkaConfigView;
import dev.switchboard.schemas.config.WorkspaceConfig;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/** The destination ids of every workspace on {@code sb.config}: an id a command may name. */
final class KnownDestinations {

    private KnownDestinations() {}

    /** Throws {@link BadArgument} unless {@code id} is a destination of a published workspace. */
    static void check(String bootstrapServers, String id) {
        if (!DestinationIds.isValid(id)) {
            throw new BadArgument("not a destination id: '" + id + "'");
        }
        Set<String> known = of(bootstrapServers);
        if (!known.contains(id)) {
            throw new BadArgument("unknown destination '" + id + "'"
                    + (known.isEmpty() ? ": no workspace is published" : " (known: " + String.join(", ", known) + ")"));
        }
    }

    static Set<String> of(String bootstrapServers) {
        try (KafkaConfigView view = new KafkaConfigView(bootstrapServers, "sb-cli-config").start()) {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                throw new IllegalStateException(
                        "cannot read " + Topics.CONFIG.name() + " at " + bootstrapServers + " within 30 s");
            }
            Set<String> ids = new TreeSet<>();
            for (WorkspaceConfig w : view.current().workspaces()) {
                w.destinations().forEach(d -> ids.add(d.id()));
            }
            return ids;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.CONFIG.name(), e);
        }
    }
}
