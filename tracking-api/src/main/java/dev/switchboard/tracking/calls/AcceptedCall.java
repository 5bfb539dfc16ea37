/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

/**
 * One call ready for {@code sb.ingest.raw}: its final JSON text, messageId, partition key and the
 * client's {@code sentAt} (its own, else the batch's).
 */
public record AcceptedCall(String payload, String messageId, String key, String sentAt) {}
