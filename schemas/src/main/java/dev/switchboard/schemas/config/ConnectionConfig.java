/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A source connected to a destination: the events of {@code source} go to {@code destination},
 * through the connection's destination filters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionConfig(
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("enabled") Boolean enabledFlag,
        @JsonProperty("filters") List<FilterConfig> filters) {

    public ConnectionConfig {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }
}
