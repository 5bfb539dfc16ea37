/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

/**
 * Users suppressed outside the workspace file, by operators on {@code sb.suppressions}: asked beside each
 * workspace's own {@link Suppression}, the union of both decides. The router asks its global store, a replay
 * and the commands a {@link dev.switchboard.workspace.SuppressionView}.
 */
@FunctionalInterface
public interface SuppressedUsers {

    /** No user is suppressed. */
    SuppressedUsers NONE = (workspaceId, userId, anonymousId) -> false;

    /** Whether an event of this user of {@code workspaceId} (either id may be null) is suppressed. */
    boolean suppresses(String workspaceId, String userId, String anonymousId);
}
