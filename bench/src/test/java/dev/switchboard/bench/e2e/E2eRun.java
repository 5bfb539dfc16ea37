/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run measured (and which roles had to be restarted before it began, see
 * {@link dev.switchboard.bench.cluster.Cluster#restartUnready()}): the floors, the ramp (steps of rising rate with 3 destinations until one
 * fell behind, then one step between the last that kept up and the first that did not), the steps at
 * 50% and 90% of the sustained maximum (3 destinations), and the steps with 1 and 10 destinations at
 * 50%.
 */
record E2eRun(
        String started,
        E2eSettings settings,
        List<String> restartedAtStart,
        double captureFloor,
        double kafkaFloor,
        List<StepResult> ramp,
        StepResult half,
        StepResult ninety,
        List<StepResult> fanouts) {

    /** The fastest ramp step that kept up, or null when none did. */
    static StepResult sustained(List<StepResult> ramp) {
        StepResult best = null;
        for (StepResult r : ramp) {
            if (r.keptUp() && (best == null || r.rate() > best.rate())) {
                best = r;
            }
        }
        return best;
    }

    StepResult sustained() {
        return sustained(ramp);
    }

    /** The steps with 1, 3 and 10 destinations at the same rate (50% of the sustained maximum). */
    List<StepResult> byDestinations() {
        List<StepResult> all = new ArrayList<>(fanouts);
        all.add(half);
        all.sort(java.util.Comparator.comparingInt(StepResult::destinations));
        return all;
    }
}
