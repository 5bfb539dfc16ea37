/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import dev.switchboard.workspace.config.WorkspaceConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory {@link ConfigView} whose owner sets the workspaces (tests, benches, a role embedded with a workspace
 * given in code) instead of following {@code sb.config}; listeners run on the caller's thread.
 */
public final class SettableConfigView implements ConfigView {

    private volatile ConfigSnapshot current = ConfigSnapshot.EMPTY;
    private final List<Consumer<ConfigSnapshot>> listeners = new CopyOnWriteArrayList<>();

    public SettableConfigView put(WorkspaceConfig workspace) {
        current = current.with(workspace.workspace(), CompiledWorkspace.of(workspace));
        listeners.forEach(l -> l.accept(current));
        return this;
    }

    @Override
    public ConfigSnapshot current() {
        return current;
    }

    @Override
    public boolean isLoaded() {
        return true;
    }

    @Override
    public void onChange(Consumer<ConfigSnapshot> listener) {
        listeners.add(listener);
    }
}
