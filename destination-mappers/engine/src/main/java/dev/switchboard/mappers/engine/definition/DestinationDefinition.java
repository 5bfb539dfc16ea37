/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.definition;

import dev.switchboard.mappers.api.SettingsSchema;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a destination folder declares, for tools (the testkit's conformance suite, docs generators).
 *
 * @param slug the folder name and {@code type:} of workspace.yaml
 * @param name the catalog name the {@code integrations} object uses
 * @param docs the vendor API documentation link
 * @param settings the settings schema
 * @param exposedIn per setting, where besides auth and headers the vendor forces it to appear
 * @param authentication the authentication type (none, basic, bearer, header, query, hmac)
 * @param actions the actions, in file-name order
 */
public record DestinationDefinition(
        String slug,
        String name,
        String docs,
        SettingsSchema settings,
        Map<String, Set<String>> exposedIn,
        String authentication,
        List<Action> actions) {

    public DestinationDefinition {
        exposedIn = Map.copyOf(exposedIn);
        actions = List.copyOf(actions);
    }

    /**
     * One action.
     *
     * @param name the file name without {@code .yaml}
     * @param trigger the FQL trigger as written
     * @param batched whether its requests carry a batch spec
     */
    public record Action(String name, String trigger, boolean batched) {}
}
