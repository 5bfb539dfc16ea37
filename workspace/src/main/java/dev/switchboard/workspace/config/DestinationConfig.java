/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A configured destination: an instance ({@code id}, used in {@code sb.dest.<id>}) of a destination
 * type ({@code type}, the folder name of its mapper). {@code delivery} is the optional block of
 * per-destination delivery options; null means the delivery role's defaults (see {@link DeliveryOptions}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DestinationConfig(
        @JsonProperty("id") String id,
        @JsonProperty("type") String type,
        @JsonProperty("name") String name,
        @JsonProperty("enabled") Boolean enabledFlag,
        @JsonProperty("settings") ObjectNode settings,
        @JsonProperty("delivery") DeliveryOptions delivery) {

    public DestinationConfig {
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings;
    }

    /** A destination with the delivery role's default options (no {@code delivery:} block). */
    public DestinationConfig(String id, String type, String name, Boolean enabledFlag, ObjectNode settings) {
        this(id, type, name, enabledFlag, settings, null);
    }

    public boolean enabled() {
        return enabledFlag == null || enabledFlag;
    }

    /** The display name, falling back to the id. */
    public String displayName() {
        return name == null ? id : name;
    }

    /** One setting, or a missing node. */
    public JsonNode setting(String key) {
        return settings.path(key);
    }
}
