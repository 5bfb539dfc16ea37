/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.mappers.api.DestinationMapper;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.mappers.api.SettingProblem;
import dev.switchboard.schemas.Topics;
import dev.switchboard.workspace.config.ConfigProblem;
import dev.switchboard.workspace.config.ConnectionConfig;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.ParsedWorkspace;
import dev.switchboard.workspace.config.SourceConfig;
import dev.switchboard.workspace.config.WorkspaceConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Every check of a workspace beyond its structure (which the parser checks): destination types and
 * settings through the mapper SPI, each connection's actions and mapping overrides, destination
 * filters compiled as the router runs them, and clashes with the other published workspaces.
 */
public final class WorkspaceChecks {

    private WorkspaceChecks() {}

    /** Problems with the destinations, connections and filters of a parsed workspace, with their lines. */
    public static List<ConfigProblem> check(ParsedWorkspace parsed, MapperRegistry registry) {
        List<ConfigProblem> problems = new ArrayList<>();
        destinations(parsed, registry, problems);
        connections(parsed, registry, problems);
        filters(parsed, problems);
        return problems;
    }

    private static void destinations(ParsedWorkspace parsed, MapperRegistry registry, List<ConfigProblem> problems) {
        List<DestinationConfig> destinations = parsed.config().destinations();
        for (int i = 0; i < destinations.size(); i++) {
            DestinationConfig d = destinations.get(i);
            String at = "/destinations/" + i;
            if (d.type() == null) {
                continue; // reported by the parser
            }
            DestinationMapper mapper = registry.find(d.type()).orElse(null);
            if (mapper == null) {
                problems.add(parsed.problem(
                        at + "/type", "unknown destination type '" + d.type() + "'; known types: " + registry.slugs()));
                continue;
            }
            for (SettingProblem p : mapper.settingsSchema().validate(d.settings())) {
                problems.add(parsed.problem(at + "/settings/" + p.path(), p.message()));
            }
        }
    }

    private static void connections(ParsedWorkspace parsed, MapperRegistry registry, List<ConfigProblem> problems) {
        List<ConnectionConfig> connections = parsed.config().connections();
        for (int i = 0; i < connections.size(); i++) {
            ConnectionConfig c = connections.get(i);
            DestinationMapper mapper = parsed.config()
                    .destination(c.destination())
                    .flatMap(d -> d.type() == null ? java.util.Optional.empty() : registry.find(d.type()))
                    .orElse(null);
            if (mapper == null) {
                continue; // reported above, or by the parser
            }
            for (SettingProblem p : mapper.checkConnection(c.enabledActions(), c.mapping())) {
                problems.add(parsed.problem("/connections/" + i + "/" + p.path(), p.message()));
            }
        }
    }

    /** Each filter at the line of its key, with the FQL error's position. */
    private static void filters(ParsedWorkspace parsed, List<ConfigProblem> problems) {
        List<ConnectionConfig> connections = parsed.config().connections();
        for (int i = 0; i < connections.size(); i++) {
            try {
                DestinationFilters.compile(connections.get(i).filters());
            } catch (DestinationFilters.InvalidFilterException e) {
                problems.add(parsed.problem(
                        "/connections/" + i + "/filters/" + e.index() + "/" + e.field(),
                        "invalid filter: " + e.getMessage()));
            }
        }
    }

    /**
     * What {@code workspace} shares with the other workspaces of {@code published}: a write key decides
     * which workspace an event belongs to, so it cannot belong to two.
     */
    public static List<ConfigProblem> clashes(WorkspaceConfig workspace, ConfigSnapshot published) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (CompiledWorkspace other : published.workspaces()) {
            if (other.id().equals(workspace.workspace())) {
                continue; // the same workspace, applied again
            }
            for (SourceConfig s : workspace.sources()) {
                for (SourceConfig o : other.sources()) {
                    for (String key : s.writeKeys()) {
                        if (o.writeKeys().contains(key)) {
                            problems.add(new ConfigProblem(
                                    Topics.CONFIG.name(),
                                    0,
                                    "",
                                    "write key of source '" + s.id() + "' is already used by source '" + o.id()
                                            + "' of workspace '" + other.id() + "'"));
                        }
                    }
                }
            }
        }
        return problems;
    }
}
