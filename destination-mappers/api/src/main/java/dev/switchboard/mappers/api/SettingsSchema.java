/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.mappers.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.options.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings a destination type takes; checks a destination's settings before it is published. */
public record SettingsSchema(Map<String, SettingSpec> settings) {

    public SettingsSchema {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Problems with {@code values}, each as (setting key, message); empty when valid. */
    public List<SettingProblem> validate(ObjectNode values) {
        List<SettingProblem> problems = new ArrayList<>();
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!settings.containsKey(key)) {
                String hint = Suggestions.closest(key, settings.keySet());
                problems.add(new SettingProblem(
                        key,
                        "unknown setting '" + key + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                                + "; known settings: " + settings.keySet()));
            }
        }
        settings.forEach((key, spec) -> {
            JsonNode value = values.get(key);
            if (value == null
                    || value.isNull()
                    || (value.isTextual() && value.asText().isEmpty())) {
                if (spec.required() && spec.defaultValue() == null) {
                    problems.add(new SettingProblem(key, "setting '" + key + "' is required: " + spec.description()));
                }
            } else if (!spec.type().accepts(value)) {
                problems.add(new SettingProblem(
                        key, "setting '" + key + "' must be " + spec.type().describe()));
            }
        });
        return problems;
    }

    /** A copy of {@code values} with the defaults of unset settings filled in. */
    public ObjectNode withDefaults(ObjectNode values) {
        ObjectNode out = values.deepCopy();
        settings.forEach((key, spec) -> {
            if (!out.has(key) && spec.defaultValue() != null) {
                out.set(key, spec.defaultValue());
            }
        });
        return out;
    }
}
