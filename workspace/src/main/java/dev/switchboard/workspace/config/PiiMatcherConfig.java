/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A workspace's own kind of personal data: found by key name (compared without case, {@code _}, {@code -},
 * spaces and dots) or by a regular expression the whole text value matches.
 *
 * @param name how rules name it ({@code pii: employee-id}); not one of the built-in names
 * @param classification {@code red} or {@code yellow}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PiiMatcherConfig(
        @JsonProperty("name") String name,
        @JsonProperty("classification") String classification,
        @JsonProperty("keys") List<String> keys,
        @JsonProperty("values") List<String> values) {

    public PiiMatcherConfig {
        keys = keys == null ? List.of() : List.copyOf(keys);
        values = values == null ? List.of() : List.copyOf(values);
    }
}
