/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A source connected to a destination: the events of {@code source} go to {@code destination}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionConfig(
        @JsonProperty("source") String source,
        @JsonProperty("destination") String destination,
        @JsonProperty("enabled") Boolean enabledFlag) {

    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }
}
