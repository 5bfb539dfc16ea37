/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Reading {@code sb.events}: batching by rows, bytes and time, loading, and committing offsets only
 * after the warehouse has committed; retries with backoff while a warehouse is down.
 * Input: {@code sb.events}. Output: the warehouse. Side outputs: none.
 */
package dev.switchboard.warehouse.load;
