/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.workspace.config.SourceConfig;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable view of every workspace at one moment, indexed for the hot paths. */
public final class ConfigSnapshot {

    /** A source and the workspace it belongs to. */
    public record SourceRef(CompiledWorkspace workspace, SourceConfig source) {}

    public static final ConfigSnapshot EMPTY = new ConfigSnapshot(Map.of());

    private final Map<String, CompiledWorkspace> workspaces;
    private final Map<String, SourceRef> byWriteKey;

    private ConfigSnapshot(Map<String, CompiledWorkspace> workspaces) {
        this.workspaces = Map.copyOf(workspaces);
        Map<String, SourceRef> keys = new HashMap<>();
        for (CompiledWorkspace w : workspaces.values()) {
            for (SourceConfig s : w.sources()) {
                for (String key : s.writeKeys()) {
                    keys.put(key, new SourceRef(w, s));
                }
            }
        }
        this.byWriteKey = Map.copyOf(keys);
    }

    public static ConfigSnapshot of(Collection<CompiledWorkspace> workspaces) {
        Map<String, CompiledWorkspace> map = new HashMap<>();
        workspaces.forEach(w -> map.put(w.id(), w));
        return new ConfigSnapshot(map);
    }

    /** This snapshot with one workspace added, replaced, or (when {@code config} is null) removed. */
    public ConfigSnapshot with(String workspaceId, CompiledWorkspace config) {
        Map<String, CompiledWorkspace> map = new HashMap<>(workspaces);
        if (config == null) {
            map.remove(workspaceId);
        } else {
            map.put(workspaceId, config);
        }
        return new ConfigSnapshot(map);
    }

    public Collection<CompiledWorkspace> workspaces() {
        return workspaces.values();
    }

    public Optional<CompiledWorkspace> workspace(String id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    public Optional<SourceRef> sourceByWriteKey(String writeKey) {
        return Optional.ofNullable(byWriteKey.get(writeKey));
    }
}
