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
 * ({@code false} turns it off; {@code true}, an options object or any other non-null value turns it
 * on, as Segment's own {@code facade} library reads it); without one, {@code All} decides when it is
 * a boolean, and otherwise (absent, null, a string) the destination is on. A null key counts as
 * absent. Names are case-sensitive and match the destination's display name or its type's catalog
 * name.
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
                return !v.isBoolean() || v.booleanValue(); // an options object, or any other value: enabled
            }
        }
        JsonNode all = integrations.get("All");
        return all == null || !all.isBoolean() || all.booleanValue(); // All counts only as a boolean
    }
}
