/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a tracking plan made of one event.
 *
 * @param delivered the event as destinations get it: the input itself when nothing changed, else a
 *     copy (transformed, properties omitted)
 * @param violations every violation found, whatever the enforcement
 * @param version the plan version the event was judged by
 * @param blocked whether the event is kept from fan-out (it stays in the archive)
 */
public record Judgment(ObjectNode delivered, List<PlanViolation> violations, int version, boolean blocked) {

    public Judgment {
        violations = List.copyOf(violations);
    }
}
