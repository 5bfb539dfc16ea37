/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fanout;

import dev.switchboard.router.internal.Configured;
import dev.switchboard.router.internal.Routed;
import dev.switchboard.schemas.Stage;
import dev.switchboard.workspace.Route;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Emits one record per route of the event's source that its integrations object and filters allow. */
public final class FanOutStage {

    static final String NAME = Stage.FANOUT.processorName();

    private FanOutStage() {}

    public static KStream<String, Routed> apply(KStream<String, Configured> events) {
        return events.flatMapValues(FanOutStage::routes, Named.as(NAME));
    }

    /** The routes the event takes: the router's fan-out for one event (the replay calls it too). */
    public static List<Routed> routes(Configured c) {
        if (c.workspace() == null) {
            return List.of();
        }
        var e = c.event();
        List<Routed> out = new ArrayList<>();
        for (Route route : c.workspace().routes(e.event().getSourceId())) {
            List<String> names = new ArrayList<>(2);
            names.add(route.destination().displayName());
            if (route.mapper() != null) {
                names.add(route.mapper().catalogName());
            }
            if (!Integrations.allows(e.json(), names)) {
                continue;
            }
            var filtered = route.filters().apply(e.json());
            if (filtered != null) {
                out.add(new Routed(e, route, filtered));
            }
        }
        return out;
    }
}
