/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import java.util.List;

/** What a request body became: the calls to write and the batch items refused, in order. */
public record SplitResult(List<AcceptedCall> accepted, List<ItemRejection> rejected) {

    public SplitResult {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
