/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Dedupe: drops an event whose (source, messageId) was seen within the window (default 24 h), as
 * Segment does. In: {@code Enriched}. Out: the first of each. State: the window store
 * {@code sb-dedupe-store} (RocksDB, changelogged; under exactly-once its updates commit with the
 * outputs). Duplicates are counted in the {@code sb-dedupe} sensor's {@code duplicates} metrics.
 * No repartition is needed: every copy of a message carries the same user key, so it reaches the
 * same partition.
 */
package dev.switchboard.router.dedupe;
