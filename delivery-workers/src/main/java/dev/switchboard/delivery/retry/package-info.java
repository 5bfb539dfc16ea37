/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Retries: randomized exponential {@link dev.switchboard.delivery.retry.Backoff} and the
 * {@link dev.switchboard.delivery.retry.RetryPolicy} that decides between another attempt (a
 * {@code RetryEnvelope} with a due time on {@code sb.dest.<id>.retry}) and the dead-letter topic.
 */
package dev.switchboard.delivery.retry;
