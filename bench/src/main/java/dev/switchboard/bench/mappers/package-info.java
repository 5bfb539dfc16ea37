/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * JMH benchmark of the declarative mapping engine: events mapped per second for webhook, mixpanel and
 * google-analytics-4 (an Order Completed with products), against a baseline of Jackson parsing and
 * serializing the same event in the same run. See {@code bench/mappers.md}.
 */
package dev.switchboard.bench.mappers;
