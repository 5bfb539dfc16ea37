/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.plan;

import dev.switchboard.schemas.Topics;
import dev.switchboard.schemas.avro.SuppressedIdType;
import dev.switchboard.schemas.avro.UserSuppression;
import dev.switchboard.workspace.plan.SuppressedUsers;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The operators' suppressions as the router sees them: its global store of {@code sb.suppressions}, followed
 * live by Kafka Streams' global thread. An empty store costs one size check per event; else one lookup per id.
 */
final class SuppressionStore implements SuppressedUsers {

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<UserSuppression>> store;

    SuppressionStore(ReadOnlyKeyValueStore<String, ValueAndTimestamp<UserSuppression>> store) {
        this.store = store;
    }

    @Override
    public boolean suppresses(String workspaceId, String userId, String anonymousId) {
        if (store.approximateNumEntries() == 0) {
            return false;
        }
        return (userId != null
                        && store.get(Topics.suppressionKey(workspaceId, SuppressedIdType.USER_ID, userId)) != null)
                || (anonymousId != null
                        && store.get(Topics.suppressionKey(workspaceId, SuppressedIdType.ANONYMOUS_ID, anonymousId))
                                != null);
    }
}
