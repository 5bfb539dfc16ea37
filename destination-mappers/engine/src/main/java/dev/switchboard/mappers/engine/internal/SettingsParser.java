/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.mappers.api.SettingSpec;
import dev.switchboard.mappers.api.SettingType;
import dev.switchboard.mappers.api.SettingsSchema;
import dev.switchboard.mappers.engine.definition.DestinationDefinitionException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code settings:} block of destination.yaml: per setting {@code type}, {@code required},
 * {@code secret}, {@code default}, {@code description}, and {@code exposedIn} (the parts of a request,
 * {@code url} or {@code body}, where the vendor's API forces a secret to appear).
 *
 * @param schema the settings schema the router checks workspaces against
 * @param exposedIn per secret setting, where it may appear besides auth and headers
 */
public record SettingsParser(SettingsSchema schema, Map<String, Set<String>> exposedIn) {

    private static final List<String> PLACES = List.of("url", "body");

    /** Parses the block; {@code node} may be null (no settings). */
    public static SettingsParser parse(String file, JsonNode node) throws DestinationDefinitionException {
        Map<String, SettingSpec> specs = new LinkedHashMap<>();
        Map<String, Set<String>> exposed = new LinkedHashMap<>();
        if (node == null) {
            return new SettingsParser(new SettingsSchema(specs), exposed);
        }
        if (!node.isObject()) {
            throw new DestinationDefinitionException(file, "'settings' must map each setting name to its spec");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "settings." + e.getKey();
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                throw new DestinationDefinitionException(file, where + " must be a mapping with type and description");
            }
            Yaml.onlyKeys(file, where, s, "type", "required", "secret", "default", "description", "exposedIn");
            SettingType type = type(file, where, Yaml.text(file, s, "type"));
            JsonNode def = s.get("default");
            if (def != null && !type.accepts(def)) {
                throw new DestinationDefinitionException(file, where + ".default must be " + type.describe());
            }
            String description = Yaml.text(file, s, "description", "");
            specs.put(
                    e.getKey(),
                    new SettingSpec(
                            type,
                            s.path("required").asBoolean(false),
                            s.path("secret").asBoolean(false),
                            def,
                            description));
            exposed.put(e.getKey(), places(file, where, s.get("exposedIn")));
        }
        return new SettingsParser(new SettingsSchema(specs), exposed);
    }

    private static SettingType type(String file, String where, String text) throws DestinationDefinitionException {
        try {
            return SettingType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DestinationDefinitionException(
                    file, where + ".type '" + text + "' is not one of string, number, integer, boolean, object, array");
        }
    }

    private static Set<String> places(String file, String where, JsonNode node) throws DestinationDefinitionException {
        Set<String> out = new TreeSet<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            throw new DestinationDefinitionException(file, where + ".exposedIn must be a list of " + PLACES);
        }
        for (JsonNode p : node) {
            if (!PLACES.contains(p.asText())) {
                throw new DestinationDefinitionException(
                        file, where + ".exposedIn: '" + p.asText() + "' is not one of " + PLACES);
            }
            out.add(p.asText());
        }
        return out;
    }
}
