/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * One workspace: its sources, destinations and the connections between them, the warehouses its
 * events are loaded into, its sources' tracking plans, its suppressed users and its privacy rules.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkspaceConfig(
        @JsonProperty("workspace") String workspace,
        @JsonProperty("sources") List<SourceConfig> sources,
        @JsonProperty("destinations") List<DestinationConfig> destinations,
        @JsonProperty("connections") List<ConnectionConfig> connections,
        @JsonProperty("warehouses") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WarehouseConfig> warehouses,
        @JsonProperty("trackingPlans") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                List<TrackingPlanConfig> trackingPlans,
        @JsonProperty("suppression") @JsonInclude(JsonInclude.Include.NON_NULL) SuppressionConfig suppression,
        @JsonProperty("privacy") @JsonInclude(JsonInclude.Include.NON_NULL) PrivacyConfig privacy) {

    public WorkspaceConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        connections = connections == null ? List.of() : List.copyOf(connections);
        warehouses = warehouses == null ? List.of() : List.copyOf(warehouses);
        trackingPlans = trackingPlans == null ? List.of() : List.copyOf(trackingPlans);
    }

    /** A workspace without privacy rules. */
    public WorkspaceConfig(
            String workspace,
            List<SourceConfig> sources,
            List<DestinationConfig> destinations,
            List<ConnectionConfig> connections,
            List<WarehouseConfig> warehouses,
            List<TrackingPlanConfig> trackingPlans,
            SuppressionConfig suppression) {
        this(workspace, sources, destinations, connections, warehouses, trackingPlans, suppression, null);
    }

    /** A workspace without tracking plans or suppression. */
    public WorkspaceConfig(
            String workspace,
            List<SourceConfig> sources,
            List<DestinationConfig> destinations,
            List<ConnectionConfig> connections,
            List<WarehouseConfig> warehouses) {
        this(workspace, sources, destinations, connections, warehouses, List.of(), null);
    }

    /** The users whose events reach no destination; empty when the file has none. */
    public SuppressionConfig suppressionList() {
        return suppression == null ? SuppressionConfig.NONE : suppression;
    }

    /** The privacy section; {@link PrivacyConfig#NONE} when the file has none. */
    public PrivacyConfig privacyRules() {
        return privacy == null ? PrivacyConfig.NONE : privacy;
    }

    /** A workspace without warehouses. */
    public WorkspaceConfig(
            String workspace,
            List<SourceConfig> sources,
            List<DestinationConfig> destinations,
            List<ConnectionConfig> connections) {
        this(workspace, sources, destinations, connections, List.of());
    }

    public Optional<SourceConfig> source(String id) {
        return sources.stream()
                .filter(s -> java.util.Objects.equals(s.id(), id))
                .findFirst();
    }

    public Optional<DestinationConfig> destination(String id) {
        return destinations.stream()
                .filter(d -> java.util.Objects.equals(d.id(), id))
                .findFirst();
    }

    /** The enabled connections of one source, in the order the file lists them. */
    public List<ConnectionConfig> connectionsOf(String sourceId) {
        return connections.stream()
                .filter(c -> c.source().equals(sourceId) && c.enabled())
                .toList();
    }
}
