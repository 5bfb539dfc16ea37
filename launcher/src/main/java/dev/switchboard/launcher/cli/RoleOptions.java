/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.launcher.cli;

import dev.switchboard.console.ConsoleConfig;
import dev.switchboard.delivery.DeliveryConfig;
import dev.switchboard.options.Option;
import dev.switchboard.options.Suggestions;
import dev.switchboard.router.RouterConfig;
import dev.switchboard.tracking.config.TrackingApiConfig;
import dev.switchboard.warehouse.LoaderConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every role's options, by role: the one list the launcher checks {@code switchboard.*} keys against and the
 * config reference is generated from. Each role's typed config checks the keys under its own prefix; this
 * catches the rest, a key under no role's prefix at all ({@code switchboard.routr.threads}), which no role
 * would otherwise read or refuse.
 */
public final class RoleOptions {

    private static final String NAMESPACE = "switchboard.";

    private RoleOptions() {}

    /** The options of each role, in the order the config reference lists them. */
    public static Map<String, List<Option<?>>> byRole() {
        Map<String, List<Option<?>>> roles = new LinkedHashMap<>();
        roles.put("tracking-api", TrackingApiConfig.options());
        roles.put("router", RouterConfig.options());
        roles.put("delivery", DeliveryConfig.options());
        roles.put("warehouse", LoaderConfig.options());
        roles.put("console", ConsoleConfig.options());
        return roles;
    }

    /**
     * Refuses a {@code switchboard.*} key that is no role's option, naming the closest one; other keys
     * ({@code kafka.*}) are left to the roles.
     */
    public static void check(Map<String, String> properties) {
        Set<String> known = new TreeSet<>();
        byRole().values().forEach(options -> options.forEach(o -> known.add(o.key())));
        for (String key : new TreeSet<>(properties.keySet())) {
            if (key.startsWith(NAMESPACE) && !known.contains(key)) {
                String hint = Suggestions.closest(key, known);
                throw new IllegalArgumentException("unknown option '" + key + "'"
                        + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                        + "; docs/config-reference.md lists every option");
            }
        }
    }
}
