/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.schemas;

/** The partition key of every per-user topic: userId, else anonymousId, so a user's events stay in order. */
public final class Keys {

    private Keys() {}

    /** userId when non-empty, else anonymousId when non-empty, else {@code null}. */
    public static String userKey(String userId, String anonymousId) {
        if (userId != null && !userId.isEmpty()) {
            return userId;
        }
        if (anonymousId != null && !anonymousId.isEmpty()) {
            return anonymousId;
        }
        return null;
    }
}
