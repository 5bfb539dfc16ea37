/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * From a request body to calls: required fields per call type (Segment's discard codes), batch splitting with batch-level {@code context}/{@code integrations} merged into each item, and {@code messageId} assignment. Pure functions, no I/O.
 */
package dev.switchboard.tracking.calls;
