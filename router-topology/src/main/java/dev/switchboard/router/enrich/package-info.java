/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Enrich: the server-set fields of a Segment event. In: valid {@code Parsed} calls. Out:
 * {@code Enriched} events with {@code messageId}, {@code receivedAt}, {@code sentAt},
 * {@code originalTimestamp}, skew-corrected {@code timestamp} (segment-spec §1.9),
 * {@code context.ip}, {@code context.userAgentData} parsed from {@code context.userAgent} when the
 * client sent none, and the write key removed. No side output.
 */
package dev.switchboard.router.enrich;
