/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.calls;

import dev.switchboard.calls.Rejection;

/**
 * A batch item that was refused: its index in {@code batch}, why, and its JSON text as received
 * (for {@code sb.rejected}); {@code messageId} and {@code key} when the item had them.
 */
public record ItemRejection(int index, Rejection rejection, String original, String messageId, String key) {}
