/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A source: where events come from, known by its write keys. {@code writeKey} takes one key or a
 * list (rotating a key is adding one, then removing the old).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceConfig(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("writeKey") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                List<String> writeKeys,
        @JsonProperty("enabled") Boolean enabledFlag) {

    public SourceConfig {
        writeKeys = writeKeys == null ? List.of() : List.copyOf(writeKeys);
    }

    /** Sources are enabled unless the file says {@code enabled: false}. */
    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }

    /** The display name, falling back to the id. */
    public String displayName() {
        return name == null ? id : name;
    }
}
