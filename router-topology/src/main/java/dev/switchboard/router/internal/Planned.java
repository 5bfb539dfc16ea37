/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.internal;

import dev.switchboard.schemas.avro.Event;
import dev.switchboard.schemas.avro.Violation;
import java.util.List;

/**
 * An event after the plan step: the output of plan, the input of the archive, {@code sb.violations}
 * and fan-out.
 *
 * @param delivered what fan-out gets (transformed, properties omitted), or null when the event is
 *     blocked by its plan or its user is suppressed
 * @param archived the event as archived, always as received
 * @param violations its violations of the source's plan, whatever the enforcement
 */
public record Planned(Configured delivered, Event archived, List<Violation> violations) {

    /** An event the plan step had nothing to do with. */
    public static Planned passed(Configured c) {
        return new Planned(c, c.event().event(), List.of());
    }
}
