/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fanout;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
            Decision d = decide(route, e.json());
            if (d.taken()) {
                out.add(new Routed(e, route, d.event()));
            }
        }
        return out;
    }

    /**
     * Whether fan-out takes {@code route} for the enriched event {@code json}: the one rule, asked by
     * the router and by the console's debugger (which shows why a destination was skipped).
     */
    public static Decision decide(Route route, ObjectNode json) {
        List<String> names = new ArrayList<>(2);
        names.add(route.destination().displayName());
        if (route.mapper() != null) {
            names.add(route.mapper().catalogName());
        }
        if (!Integrations.allows(json, names)) {
            return new Decision(route, null, Skip.INTEGRATIONS);
        }
        ObjectNode filtered = route.filters().apply(json);
        return filtered == null ? new Decision(route, null, Skip.FILTER) : new Decision(route, filtered, null);
    }

    /** Why fan-out left a route out. */
    public enum Skip {
        /** The event's {@code integrations} object turns the destination off. */
        INTEGRATIONS,
        /** One of the connection's destination filters dropped it. */
        FILTER
    }

    /**
     * Fan-out's answer for one route.
     *
     * @param route the route asked about
     * @param event what the destination sees (the filters may drop fields), or null when skipped
     * @param skip why it was skipped, or null when taken
     */
    public record Decision(Route route, ObjectNode event, Skip skip) {
        public boolean taken() {
            return skip == null;
        }
    }
}
