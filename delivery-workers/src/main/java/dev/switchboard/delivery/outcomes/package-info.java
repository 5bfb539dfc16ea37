/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Outcomes: one {@code DeliveryOutcome} per attempt on {@code sb.delivery.outcomes}, with the retry
 * envelope or dead letter that follows it, and the per-destination Micrometer metrics.
 */
package dev.switchboard.delivery.outcomes;
