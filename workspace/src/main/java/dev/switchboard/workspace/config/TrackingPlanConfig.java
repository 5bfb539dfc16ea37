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
 * A source's tracking plan: its versions (each a set of JSON Schemas) and what happens to what does
 * not match. {@code enforcement} takes one value or a list of {@code allow}, {@code omit-properties},
 * {@code block-unplanned}, {@code block-invalid} (default {@code allow}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrackingPlanConfig(
        @JsonProperty("source") String source,
        @JsonProperty("enforcement") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                List<String> enforcement,
        @JsonProperty("versions") List<PlanVersionConfig> versions,
        @JsonProperty("forwardViolations") ForwardingConfig forwardViolations,
        @JsonProperty("forwardBlockedEvents") ForwardingConfig forwardBlockedEvents) {

    /** Segment's enforcement options, as written in the file. */
    public static final List<String> ENFORCEMENTS =
            List.of("allow", "omit-properties", "block-unplanned", "block-invalid");

    public TrackingPlanConfig {
        enforcement = enforcement == null || enforcement.isEmpty() ? List.of("allow") : List.copyOf(enforcement);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
