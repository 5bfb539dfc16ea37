/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.plan;

import dev.switchboard.schemas.avro.ViolationKind;

/**
 * One way an event differs from its plan.
 *
 * @param pointer JSON pointer into the event, e.g. {@code /properties/price}
 * @param kind unplanned event or property, required missing, type mismatch, invalid value
 * @param expected what the plan asks for, or null
 * @param actual what came, or null
 */
public record PlanViolation(String pointer, ViolationKind kind, String expected, String actual) {}
