/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.workspace.config.TransformationConfig;
import java.util.Map;

/** A plan's transformations of track events: rename the event, rename or drop properties. */
final class Transformations {

    private Transformations() {}

    /** The event transformed (a copy), or {@code event} itself when no transformation applies. */
    static ObjectNode apply(ObjectNode event, String type, Map<String, TransformationConfig> byEvent) {
        if (byEvent.isEmpty() || !type.equals("track")) {
            return event;
        }
        TransformationConfig t = byEvent.get(event.path("event").asText());
        if (t == null) {
            return event;
        }
        ObjectNode json = event.deepCopy();
        if (t.renameEvent() != null) {
            json.put("event", t.renameEvent());
        }
        if (json.get("properties") instanceof ObjectNode properties) {
            for (Map.Entry<String, String> r : t.renameProperties().entrySet()) {
                JsonNode value = properties.remove(r.getKey());
                if (value != null) {
                    properties.set(r.getValue(), value);
                }
            }
            t.dropProperties().forEach(properties::remove);
        }
        return json;
    }
}
