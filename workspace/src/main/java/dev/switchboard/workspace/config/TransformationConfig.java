/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transformation of one track event, as Segment's Protocols transformations: rename the event,
 * rename properties ({@code old: new}), drop properties. Applied before the event is judged, so
 * the plan describes what destinations receive.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TransformationConfig(
        @JsonProperty("event") String event,
        @JsonProperty("renameEvent") String renameEvent,
        @JsonProperty("renameProperties") Map<String, String> renameProperties,
        @JsonProperty("dropProperties") List<String> dropProperties) {

    public TransformationConfig {
        renameProperties = renameProperties == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renameProperties));
        dropProperties = dropProperties == null ? List.of() : List.copyOf(dropProperties);
    }
}
