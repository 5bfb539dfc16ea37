/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Bounded ingest load run (see {@code bench/ingest.md}): the tracking API on an embedded broker,
 * loaded over keep-alive HTTP on 127.0.0.1 with batches and single calls, against a bare
 * {@code KafkaProducer} sending the same payloads at acks=all to the same broker in the same run.
 */
package dev.switchboard.bench.ingest;
