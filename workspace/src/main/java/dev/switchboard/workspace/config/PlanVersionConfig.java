/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a tracking plan: a JSON Schema (draft-07 unless its {@code $schema} says 2020-12)
 * per track event name over its properties, over identify and group traits and page and screen
 * properties, a common schema over the whole payload, and the transformations applied first.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PlanVersionConfig(
        @JsonProperty("version") Integer version,
        @JsonProperty("common") JsonNode common,
        @JsonProperty("track") Map<String, JsonNode> track,
        @JsonProperty("identify") JsonNode identify,
        @JsonProperty("group") JsonNode group,
        @JsonProperty("page") JsonNode page,
        @JsonProperty("screen") JsonNode screen,
        @JsonProperty("transformations") List<TransformationConfig> transformations) {

    public PlanVersionConfig {
        track = track == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(track));
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
    }

    /** The schema of a call type other than track (over its traits or properties), or null. */
    public JsonNode schemaOf(String type) {
        return switch (type) {
            case "identify" -> identify;
            case "group" -> group;
            case "page" -> page;
            case "screen" -> screen;
            default -> null;
        };
    }
}
