/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fanout;

import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.internal.Enriched;
import dev.switchboard.router.internal.Route;
import dev.switchboard.router.internal.Routed;
import dev.switchboard.schemas.avro.ConfigRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/** Joins each event with its workspace's live config and emits one record per allowed route. */
public final class FanOutStage {

    static final String NAME = "sb-fanout";

    private FanOutStage() {}

    public static KStream<String, Routed> apply(
            KStream<String, Enriched> events, GlobalKTable<String, ConfigRecord> config, MapperRegistry registry) {
        WorkspaceRoutes.Cache cache = new WorkspaceRoutes.Cache(registry);
        return events.leftJoin(
                        config,
                        (key, e) -> e.event().getWorkspaceId(),
                        (e, record) -> routes(e, cache.get(record)),
                        Named.as(NAME + "-config"))
                .flatMapValues(routed -> routed, Named.as(NAME));
    }

    static List<Routed> routes(Enriched e, WorkspaceRoutes routes) {
        List<Routed> out = new ArrayList<>();
        for (Route route : routes.of(e.event().getSourceId())) {
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
