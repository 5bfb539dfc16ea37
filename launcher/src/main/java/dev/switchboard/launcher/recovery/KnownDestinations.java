/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.recovery;

import dev.switchboard.options.KafkaAccess;
import dev.switchboard.schemas.DestinationIds;
import dev.switchboard.schemas.Topics;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.KafkaConfigView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The source and destination ids of every workspace on {@code sb.config}: ids a command may name. */
final class KnownDestinations {

    private KnownDestinations() {}

    /** Throws {@link BadArgument} unless {@code id} is a destination of a published workspace. */
    static void check(KafkaAccess kafka, String id) {
        if (!DestinationIds.isValid(id)) {
            throw new BadArgument("not a destination id: '" + id + "'");
        }
        Set<String> known = of(kafka);
        if (!known.contains(id)) {
            throw new BadArgument("unknown destination '" + id + "'"
                    + (known.isEmpty() ? ": no workspace is published" : " (known: " + String.join(", ", known) + ")"));
        }
    }

    static Set<String> of(KafkaAccess kafka) {
        Set<String> ids = new TreeSet<>();
        for (CompiledWorkspace w : workspaces(kafka)) {
            w.destinations().forEach(d -> ids.add(d.id()));
        }
        return ids;
    }

    /** The source ids of every published workspace. */
    static Set<String> sources(KafkaAccess kafka) {
        Set<String> ids = new TreeSet<>();
        for (CompiledWorkspace w : workspaces(kafka)) {
            w.sources().forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    /** The published workspace that has source {@code id}; throws {@link BadArgument} when none has. */
    static CompiledWorkspace workspaceOf(KafkaAccess kafka, String id) {
        List<CompiledWorkspace> all = workspaces(kafka);
        for (CompiledWorkspace w : all) {
            if (w.source(id).isPresent()) {
                return w;
            }
        }
        Set<String> known = new TreeSet<>();
        all.forEach(w -> w.sources().forEach(s -> known.add(s.id())));
        throw new BadArgument("unknown source '" + id + "'"
                + (known.isEmpty() ? ": no workspace is published" : " (known: " + String.join(", ", known) + ")"));
    }

    /** Every published workspace, as compiled. */
    static List<CompiledWorkspace> workspaces(KafkaAccess kafka) {
        try (KafkaConfigView view =
                new KafkaConfigView(kafka.bootstrapServers(), "sb-cli-config", kafka.settings()).start()) {
            if (!view.awaitLoaded(Duration.ofSeconds(30))) {
                throw new IllegalStateException(
                        "cannot read " + Topics.CONFIG.name() + " at " + kafka.bootstrapServers() + " within 30 s");
            }
            return List.copyOf(view.current().workspaces());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + Topics.CONFIG.name(), e);
        }
    }
}
