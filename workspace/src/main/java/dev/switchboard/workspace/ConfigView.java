/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace;

import java.util.function.Consumer;

/** The live configuration, as the latest {@link ConfigSnapshot}. */
public interface ConfigView {

    /** The newest snapshot; never null. */
    ConfigSnapshot current();

    /** Whether the view has caught up with the config topic at least once. */
    boolean isLoaded();

    /** Called with each new snapshot, on the view's own thread. */
    void onChange(Consumer<ConfigSnapshot> listener);
}
