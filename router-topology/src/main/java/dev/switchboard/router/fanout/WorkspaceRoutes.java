/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fanout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.router.internal.Route;
import dev.switchboard.schemas.avro.ConfigRecord;
import dev.switchboard.schemas.config.ConnectionConfig;
import dev.switchboard.schemas.config.DestinationConfig;
import dev.switchboard.schemas.config.WorkspaceConfig;
import dev.switchboard.schemas.config.WorkspaceConfigParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The routes of every source of one workspace version, resolved from its config record once. */
final class WorkspaceRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceRoutes.class);
    static final WorkspaceRoutes NONE = new WorkspaceRoutes(Instant.EPOCH, Map.of());

    private final Instant appliedAt;
    private final Map<String, List<Route>> bySource;

    private WorkspaceRoutes(Instant appliedAt, Map<String, List<Route>> bySource) {
        this.appliedAt = appliedAt;
        this.bySource = bySource;
    }

    List<Route> of(String sourceId) {
        return bySource.getOrDefault(sourceId, List.of());
    }

    static WorkspaceRoutes resolve(ConfigRecord record, MapperRegistry registry) {
        WorkspaceConfig config;
        try {
            config = WorkspaceConfigParser.parseDocument(record.getDocument());
        } catch (IllegalArgumentException e) {
            LOG.error("cannot read the config of workspace {}: {}", record.getWorkspaceId(), e.getMessage());
            return NONE;
        }
        Map<String, List<Route>> bySource = new HashMap<>();
        for (ConnectionConfig c : config.connections()) {
            DestinationConfig d = config.destination(c.destination()).orElse(null);
            boolean sourceEnabled =
                    config.source(c.source()).map(s -> s.enabled()).orElse(false);
            if (!c.enabled() || d == null || !d.enabled() || !sourceEnabled) {
                continue;
            }
            DestinationMapper mapper = registry.find(d.type()).orElse(null);
            var settings =
                    mapper == null ? d.settings() : mapper.settingsSchema().withDefaults(d.settings());
            bySource.computeIfAbsent(c.source(), s -> new ArrayList<>())
                    .add(new Route(
                            d,
                            mapper,
                            new MapperContext(d.id(), settings, Set.copyOf(c.enabledActions()), c.mapping()),
                            filters(record.getWorkspaceId(), c)));
        }
        return new WorkspaceRoutes(record.getAppliedAt(), Map.copyOf(bySource));
    }

    /** The connection's filters; a filter that does not compile fails closed: the route drops every event. */
    private static UnaryOperator<ObjectNode> filters(String workspaceId, ConnectionConfig c) {
        try {
            return DestinationFilters.compile(c.filters())::apply;
        } catch (DestinationFilters.InvalidFilterException e) {
            LOG.error(
                    "workspace {}: filter {} of {} -> {} is invalid ({}); dropping that connection's events",
                    workspaceId,
                    e.index(),
                    c.source(),
                    c.destination(),
                    e.getMessage());
            return event -> null;
        }
    }

    /** Resolves each workspace version once; shared by the stream threads. */
    static final class Cache {
        private final Map<String, WorkspaceRoutes> byWorkspace = new ConcurrentHashMap<>();
        private final MapperRegistry registry;

        Cache(MapperRegistry registry) {
            this.registry = registry;
        }

        WorkspaceRoutes get(ConfigRecord record) {
            if (record == null) {
                return NONE;
            }
            return byWorkspace.compute(
                    record.getWorkspaceId(),
                    (id, cached) -> cached != null && cached.appliedAt.equals(record.getAppliedAt())
                            ? cached
                            : resolve(record, registry));
        }
    }
}
