/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Micrometer meters of the tracking API: requests by path and status, events by source and outcome, ack latency.
 */
package dev.switchboard.tracking.metrics;
