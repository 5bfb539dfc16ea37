/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A source connected to a destination: the events of {@code source} go to {@code destination},
 * through the connection's destination filters. {@code enabledActions} limits which of the type's
 * actions run (empty: all); {@code mapping} overrides an action's default field mappings, as
 * {@code {<action>: {<field>: <mapping>}}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionConfig(
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("enabled") Boolean enabledFlag,
        @JsonProperty("filters") List<FilterConfig> filters,
        @JsonProperty("enabledActions") List<String> enabledActions,
        @JsonProperty("mapping") ObjectNode mapping) {

    public ConnectionConfig {
        filters = filters == null ? List.of() : List.copyOf(filters);
        enabledActions = enabledActions == null ? List.of() : List.copyOf(enabledActions);
        mapping = mapping == null ? JsonNodeFactory.instance.objectNode() : mapping;
    }

    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }
}
