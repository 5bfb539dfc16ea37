/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.console.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.delivery.recovery.DestinationControls;
import dev.switchboard.delivery.recovery.PauseClock;
import dev.switchboard.mappers.api.MapperRegistry;
import dev.switchboard.workspace.CompiledWorkspace;
import dev.switchboard.workspace.ConfigSnapshot;
import dev.switchboard.workspace.config.ConnectionConfig;
import dev.switchboard.workspace.config.DestinationConfig;
import dev.switchboard.workspace.config.SourceConfig;

/**
 * The workspaces as the console shows them: sources with their write keys masked, destinations with their
 * secret settings masked and whether they are paused, and each connection with its filters and enabled actions.
 */
final class WorkspaceView {

    private final MapperRegistry registry;
    private final DestinationControls controls;

    WorkspaceView(MapperRegistry registry, DestinationControls controls) {
        this.registry = registry;
        this.controls = controls;
    }

    ObjectNode render(ConfigSnapshot snapshot) {
        ObjectNode n = Views.JSON.createObjectNode();
        ArrayNode workspaces = n.putArray("workspaces");
        for (CompiledWorkspace w : snapshot.workspaces()) {
            ObjectNode ws = workspaces.addObject();
            ws.put("id", w.id());
            ws.put("appliedAt", Views.time(w.appliedAt()));
            ArrayNode sources = ws.putArray("sources");
            for (SourceConfig s : w.sources()) {
                ObjectNode x = sources.addObject();
                x.put("id", s.id());
                x.put("name", s.displayName());
                x.put("enabled", s.enabled());
                ArrayNode keys = x.putArray("writeKeys");
                s.writeKeys().forEach(k -> keys.add(Redactor.writeKey(k)));
            }
            ArrayNode destinations = ws.putArray("destinations");
            for (DestinationConfig d : w.destinations()) {
                ObjectNode x = destinations.addObject();
                x.put("id", d.id());
                x.put("name", d.displayName());
                x.put("type", d.type());
                x.put("enabled", d.enabled());
                x.put("installed", registry.find(d.type()).isPresent());
                PauseClock pause = controls.state(d.id());
                x.put("paused", pause.paused());
                if (pause.paused()) {
                    x.put("pausedSince", Views.time(pause.pausedSince()));
                    x.put("pauseReason", pause.reason());
                }
                x.set("settings", Redactor.of(d, registry).settings(d.settings()));
            }
            ArrayNode connections = ws.putArray("connections");
            for (ConnectionConfig c : w.config().connections()) {
                ObjectNode x = connections.addObject();
                x.put("source", c.source());
                x.put("destination", c.destination());
                x.put("enabled", c.enabled());
                x.set("filters", Views.JSON.valueToTree(c.filters()));
                ArrayNode actions = x.putArray("enabledActions");
                c.enabledActions().forEach(actions::add);
            }
        }
        return n;
    }
}
