/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Batching: requests with the same {@code batchKey} and a {@code BatchSpec} are combined into one
 * call (JSON array, NDJSON or a wrapper object), within the spec's max events and max bytes, after
 * at most the configured linger.
 */
package dev.switchboard.delivery.batch;
