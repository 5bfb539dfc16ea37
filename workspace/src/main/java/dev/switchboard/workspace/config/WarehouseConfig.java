/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A warehouse the workspace's events are loaded into (the {@code warehouses:} section). Credentials
 * are usually given as {@code ${ENV_VAR}}. {@code sources} lists the source ids it loads; absent,
 * it loads every source of the workspace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WarehouseConfig(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("url") String url,
        @JsonProperty("user") String user,
        @JsonProperty("password") String password,
        @JsonProperty("sources") List<String> sources,
        @JsonProperty("enabled") Boolean enabledFlag) {

    /** The only type so far. */
    public static final String POSTGRES = "postgres";

    public WarehouseConfig {
        sources = sources == null ? null : List.copyOf(sources);
    }

    /** Warehouses are enabled unless the file says {@code enabled: false}. */
    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }

    /** Whether it loads {@code sourceId} (every source when the file lists none). */
    public boolean loads(String sourceId) {
        return sources == null || sources.contains(sourceId);
    }
}
