/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MapperContext;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.workspace.config.ConnectionConfig;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.PlanSchemas;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.config.TrackingPlanConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import dev.switchboard.workspace.plan.CompiledPlan;
import dev.switchboard.workspace.plan.Suppression;
import dev.switchboard.workspace.privacy.PiiCatalog;
import dev.switchboard.workspace.privacy.RoutePrivacy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One version of a workspace, compiled once for every role: its sources, its destinations, and the
 * routes of each source (destination, mapper, settings with the type's defaults, enabled actions,
 * compiled filters, privacy rules). Immutable; the tracking API, the router, delivery and the commands all read
 * the workspace through it.
 */
public final class CompiledWorkspace {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledWorkspace.class);

    private final WorkspaceConfig config;
    private final Instant appliedAt;
    private final Map<String, List<Route>> routesBySource;
    private final Map<String, CompiledPlan> plansBySource;
    private final Suppression suppression;
    private final PiiCatalog piiCatalog;

    private CompiledWorkspace(
            WorkspaceConfig config,
            Instant appliedAt,
            Map<String, List<Route>> routesBySource,
            Map<String, CompiledPlan> plansBySource,
            PiiCatalog piiCatalog) {
        this.config = config;
        this.piiCatalog = piiCatalog;
        this.appliedAt = appliedAt;
        this.routesBySource = routesBySource;
        this.plansBySource = plansBySource;
        this.suppression = new Suppression(config.suppressionList());
    }

    /**
     * Compiles a published workspace. Mappers come from {@code registry}; a destination whose type has
     * no mapper there gets a route with a null mapper (the map stage rejects its events with that reason).
     */
    public static CompiledWorkspace compile(WorkspaceConfig config, Instant appliedAt, MapperRegistry registry) {
        Map<String, List<Route>> bySource = new HashMap<>();
        PiiCatalog catalog = catalog(config);
        for (ConnectionConfig c : config.connections()) {
            DestinationConfig d = config.destination(c.destination()).orElse(null);
            boolean sourceEnabled =
                    config.source(c.source()).map(SourceConfig::enabled).orElse(false);
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
                            filters(config.workspace(), c),
                            RoutePrivacy.compile(config.privacyRules(), catalog, c.source(), d.id())));
        }
        bySource.replaceAll((source, routes) -> List.copyOf(routes));
        return new CompiledWorkspace(config, appliedAt, Map.copyOf(bySource), plans(config), catalog);
    }

    /** Each source's plan compiled once; one that does not compile (checked at apply) is left out and logged. */
    private static Map<String, CompiledPlan> plans(WorkspaceConfig config) {
        Map<String, CompiledPlan> plans = new HashMap<>();
        for (TrackingPlanConfig plan : config.trackingPlans()) {
            try {
                plans.putIfAbsent(plan.source(), CompiledPlan.compile(plan));
            } catch (PlanSchemas.InvalidSchemaException | RuntimeException e) {
                LOG.error(
                        "workspace {}: the tracking plan of source {} does not compile ({}); its events are not judged",
                        config.workspace(),
                        plan.source(),
                        e.getMessage());
            }
        }
        return Map.copyOf(plans);
    }

    /** The workspace's PII matchers and the built-in ones; when one does not compile (checked at apply) only the built-in, logged. */
    private static PiiCatalog catalog(WorkspaceConfig config) {
        try {
            return PiiCatalog.of(config.privacyRules().matchers());
        } catch (PatternSyntaxException e) {
            LOG.error(
                    "workspace {}: a PII matcher does not compile ({}); only the built-in matchers apply",
                    config.workspace(),
                    e.getMessage());
            return PiiCatalog.BUILT_IN_ONLY;
        }
    }

    /**
     * A workspace compiled with no destination type installed (its routes have no mapper): for what
     * reads only sources and destinations, and for tests.
     */
    public static CompiledWorkspace of(WorkspaceConfig config) {
        return compile(config, Instant.EPOCH, MapperRegistry.of(List.of()));
    }

    /** The connection's filters; one that does not compile (checked at apply) fails closed: the route drops every event. */
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

    public String id() {
        return config.workspace();
    }

    /** When this version was published to {@code sb.config}. */
    public Instant appliedAt() {
        return appliedAt;
    }

    /** The workspace as written in its file. */
    public WorkspaceConfig config() {
        return config;
    }

    public List<SourceConfig> sources() {
        return config.sources();
    }

    public List<DestinationConfig> destinations() {
        return config.destinations();
    }

    public Optional<SourceConfig> source(String id) {
        return config.source(id);
    }

    public Optional<DestinationConfig> destination(String id) {
        return config.destination(id);
    }

    /** The source's tracking plan, or null when it has none. */
    public CompiledPlan plan(String sourceId) {
        return plansBySource.get(sourceId);
    }

    /** The workspace's suppressed users ({@link Suppression#NONE} when there are none). */
    public Suppression suppression() {
        return suppression;
    }

    /** The kinds of personal data this workspace knows: its own matchers, then the built-in ones. */
    public PiiCatalog piiCatalog() {
        return piiCatalog;
    }

    /**
     * Whether the plan step has anything to do for this source: a plan or a suppression list. When
     * not, the router passes its events on untouched.
     */
    public boolean governs(String sourceId) {
        return !plansBySource.isEmpty() && plansBySource.containsKey(sourceId) || !suppression.isEmpty();
    }

    /** The enabled routes of a source, in the order the file lists its connections; empty when it has none. */
    public List<Route> routes(String sourceId) {
        return routesBySource.getOrDefault(sourceId, List.of());
    }
}
