/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.warehouse.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One warehouse to load and which events go there.
 *
 * @param id the warehouse id: names the consumer group ({@code sb-warehouse-<id>}) and is what an
 *     event's {@code integrations.Warehouses.warehouseIds} lists
 * @param workspace the workspace whose events it loads, or null for every workspace
 * @param sources the source ids it loads, or null for every source
 * @param url where it is (a psql URI or a JDBC URL)
 * @param user the user, or null (a psql URI may carry it)
 * @param password the password, or null
 */
public record Target(String id, String workspace, Set<String> sources, String url, String user, String password) {

    public Target {
        sources = sources == null ? null : Set.copyOf(sources);
    }

    /**
     * Whether an event of {@code workspaceId}/{@code sourceId} goes to this warehouse. Its
     * {@code integrations} object decides too, as Segment documents it: {@code "All": false} does not
     * block warehouses; {@code "Warehouses": {"all": false}} blocks them all, and
     * {@code "Warehouses": {"warehouseIds": [...]}} lets only the listed ones load it.
     */
    public boolean accepts(String workspaceId, String sourceId, JsonNode integrations) {
        if (workspace != null && !workspace.equals(workspaceId)) {
            return false;
        }
        if (sources != null && !sources.contains(sourceId)) {
            return false;
        }
        JsonNode w = integrations == null ? null : integrations.get("Warehouses");
        if (w == null || !w.isObject()) {
            return true;
        }
        JsonNode ids = w.get("warehouseIds");
        if (ids != null && ids.isArray()) {
            for (JsonNode i : ids) {
                if (id.equals(i.asText())) {
                    return true;
                }
            }
            return false;
        }
        JsonNode all = w.get("all");
        return all == null || !all.isBoolean() || all.booleanValue();
    }

    /** Without the password: for logs. */
    @Override
    public String toString() {
        return "Target[" + id + ", workspace=" + workspace + ", sources=" + sources + "]";
    }
}
