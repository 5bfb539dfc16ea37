/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The Kafka side: one idempotent acks=all producer writing {@code RawCall} records to {@code sb.ingest.raw} and rejected batch items to {@code sb.rejected}, and the broker reachability probe behind {@code /readyz} and fast 503s.
 */
package dev.switchboard.tracking.produce;
