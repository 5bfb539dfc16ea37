/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.PayloadInvalidException;
import dev.switchboard.mappers.api.SettingsSchema;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regional endpoints: the {@code endpoints:} block maps the value of one setting (e.g. {@code region})
 * to a base URL, read by templates as {@code $endpoint}.
 *
 * @param setting the setting that picks the region
 * @param values base URL by setting value
 */
public record Endpoints(String setting, Map<String, String> values) {

    /** Parses the block; null means none. */
    public static Endpoints parse(String file, JsonNode node, SettingsSchema settings)
            throws DestinationDefinitionException {
        if (node == null) {
            return null;
        }
        Yaml.onlyKeys(file, "endpoints", node, "setting", "values");
        String setting = Yaml.text(file, node, "setting");
        if (!settings.settings().containsKey(setting)) {
            throw new DestinationDefinitionException(
                    file, "endpoints.setting '" + setting + "' is not a declared setting");
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.path("values")
                .fields()
                .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        if (values.isEmpty()) {
            throw new DestinationDefinitionException(
                    file, "endpoints.values must map each " + setting + " to a base URL");
        }
        JsonNode def = settings.settings().get(setting).defaultValue();
        if (def != null && !values.containsKey(def.asText())) {
            throw new DestinationDefinitionException(
                    file,
                    "settings." + setting + ".default '" + def.asText() + "' is not one of endpoints.values "
                            + values.keySet());
        }
        return new Endpoints(setting, Map.copyOf(values));
    }

    /** The base URL for these settings. */
    public String resolve(JsonNode settings) throws PayloadInvalidException {
        String key = settings.path(setting).asText();
        String url = values.get(key);
        if (url == null) {
            throw new PayloadInvalidException(
                    "settings." + setting,
                    "setting '" + setting + "' is '" + key + "'; it must be one of "
                            + new java.util.TreeSet<>(values.keySet()));
        }
        return url;
    }
}
