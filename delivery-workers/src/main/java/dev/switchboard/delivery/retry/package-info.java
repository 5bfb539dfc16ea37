/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Retries: randomized exponential {@link dev.switchboard.delivery.retry.Backoff} and the
 * {@link dev.switchboard.delivery.retry.RetryPolicy} that decides between another attempt (a
 * {@code RetryEnvelope} with a due time) and the dead-letter topic, and the
 * {@link dev.switchboard.delivery.retry.RetryTiers} where a retry waits for its due time without
 * holding back one due sooner ({@code sb.dest.<id>.retry} and its tiers {@code .retry.1s} ...
 * {@code .retry.1h}).
 */
package dev.switchboard.delivery.retry;
