/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Dead letters: a request that got a non-retryable answer, or whose retry window is over, goes to
 * {@code sb.dest.<id>.dlq} with every attempt (time, status, response headers, body cut to 8 KB,
 * error) and the reason, ready for {@code switchboard dlq redrive}.
 */
package dev.switchboard.delivery.deadletter;
