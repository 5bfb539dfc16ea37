/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Per-destination consumption: one {@link dev.switchboard.delivery.consume.DestinationWorker} per
 * destination, with its own consumer group {@code sb-delivery-<id>} on {@code sb.dest.<id>} and
 * {@code sb.dest.<id>.retry}, its own HTTP client and bounded in-flight window, so one slow
 * destination never blocks another. Offsets are committed only up to the oldest request whose
 * outcome is not yet acknowledged.
 */
package dev.switchboard.delivery.consume;
