/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.testing;

import dev.switchboard.schemas.avro.PartialFailureOthers;
import dev.switchboard.schemas.avro.PartialFailureSpec;
import java.util.List;

/**
 * The {@code batching.partialFailure} rules the tests use, as the router copies them from the vendors'
 * destination.yaml (pinterest-conversions, customerio, hubspot, klaviyo).
 */
public final class PartialFailureRules {

    /** Pinterest's: a 200 whose {@code events[i].status} is {@code failed} names item i. */
    public static final PartialFailureSpec PINTEREST = delivered(List.of(200), "$.events[?status=failed]");

    /** Customer.io's: a 200 or 207 whose {@code errors[].batch_index} names items. */
    public static final PartialFailureSpec CUSTOMERIO = delivered(List.of(200, 207), "$.errors[*].batch_index");

    /** HubSpot's batch upsert: a 207 whose {@code errors[].context.ids} names inputs by the {@code id} sent. */
    public static final PartialFailureSpec HUBSPOT = PartialFailureSpec.newBuilder()
            .setStatuses(List.of(207))
            .setFailedIndexes(List.of())
            .setItemId("$.id")
            .setFailedIds(List.of("$.errors[*].context.ids[*]"))
            .setOthers(PartialFailureOthers.DELIVERED)
            .build();

    /** Klaviyo's bulk-create job: a 400 whose errors point at items inside {@code source.pointer}; none was created. */
    public static final PartialFailureSpec KLAVIYO = PartialFailureSpec.newBuilder()
            .setStatuses(List.of(400))
            .setFailedIndexes(
                    List.of("$.errors[*].source.pointer ~ /^/data/attributes/events-bulk-create/data/(\\d+)(/|$)/"))
            .setOthers(PartialFailureOthers.RETRY)
            .build();

    private PartialFailureRules() {}

    /** A rule by which an answer with one of {@code statuses} names failed items at {@code path}; the others were taken. */
    public static PartialFailureSpec delivered(List<Integer> statuses, String path) {
        return PartialFailureSpec.newBuilder()
                .setStatuses(statuses)
                .setFailedIndexes(List.of(path))
                .setOthers(PartialFailureOthers.DELIVERED)
                .build();
    }
}
