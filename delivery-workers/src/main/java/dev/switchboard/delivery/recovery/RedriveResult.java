/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.delivery.recovery;

import java.util.List;

/**
 * What a redrive did.
 *
 * @param redriveId the run's id, recorded with every letter it put back
 * @param redriven the letters put back for delivery (none on a dry run)
 * @param skipped the letters left alone because an earlier redrive put them back already
 * @param wouldRedrive on a dry run, the letters a real run would put back; else empty
 * @param stopped whether the run was stopped before the end (the letters not yet redriven stay)
 */
public record RedriveResult(
        String redriveId, List<Letter> redriven, List<Letter> skipped, List<Letter> wouldRedrive, boolean stopped) {

    public RedriveResult {
        redriven = List.copyOf(redriven);
        skipped = List.copyOf(skipped);
        wouldRedrive = List.copyOf(wouldRedrive);
    }
}
