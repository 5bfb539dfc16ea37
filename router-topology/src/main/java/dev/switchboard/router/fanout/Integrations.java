/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The {@code integrations} object (segment-spec §1.10): a key naming the destination decides
 * ({@code false} turns it off; {@code true} or an options object turns it on); without one,
 * {@code All} decides, and {@code All} defaults to true. Names are case-sensitive and match the
 * destination's display name or its type's catalog name.
 */
public final class Integrations {

    private Integrations() {}

    public static boolean allows(ObjectNode event, List<String> names) {
        JsonNode integrations = event.get("integrations");
        if (integrations == null || !integrations.isObject()) {
            return true;
        }
        for (String name : names) {
            JsonNode v = name == null ? null : integrations.get(name);
            if (v != null && !v.isNull()) {
                return enabled(v);
            }
        }
        JsonNode all = integrations.get("All");
        return all == null || all.isNull() || enabled(all);
    }

    private static boolean enabled(JsonNode v) {
        return v.isObject() || (v.isBoolean() && v.booleanValue());
    }
}
