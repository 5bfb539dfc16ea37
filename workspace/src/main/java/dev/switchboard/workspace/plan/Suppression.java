/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import dev.switchboard.workspace.config.SuppressionConfig;
import java.util.Set;

/** A workspace's suppressed users, as sets: whether an event's user is suppressed is two lookups. */
public final class Suppression {

    public static final Suppression NONE = new Suppression(SuppressionConfig.NONE);

    private final Set<String> userIds;
    private final Set<String> anonymousIds;

    public Suppression(SuppressionConfig config) {
        this.userIds = Set.copyOf(config.userIds());
        this.anonymousIds = Set.copyOf(config.anonymousIds());
    }

    public boolean isEmpty() {
        return userIds.isEmpty() && anonymousIds.isEmpty();
    }

    /** Whether an event of this user (either id may be null) is suppressed. */
    public boolean suppresses(String userId, String anonymousId) {
        return (userId != null && userIds.contains(userId))
                || (anonymousId != null && anonymousIds.contains(anonymousId));
    }
}
