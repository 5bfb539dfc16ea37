/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * HTTP to destinations: a pooled async client per destination ({@link dev.switchboard.delivery.http.HttpSender}),
 * the one status → error-class table ({@link dev.switchboard.delivery.http.StatusTable}),
 * {@code Retry-After} parsing, AIMD concurrency and rate limiting.
 */
package dev.switchboard.delivery.http;
