/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Users whose events reach no destination: by {@code userId} and by {@code anonymousId}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SuppressionConfig(
        @JsonProperty("userIds") List<String> userIds, @JsonProperty("anonymousIds") List<String> anonymousIds) {

    public static final SuppressionConfig NONE = new SuppressionConfig(List.of(), List.of());

    public SuppressionConfig {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        anonymousIds = anonymousIds == null ? List.of() : List.copyOf(anonymousIds);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return userIds.isEmpty() && anonymousIds.isEmpty();
    }
}
