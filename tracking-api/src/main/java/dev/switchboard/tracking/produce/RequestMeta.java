/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.tracking.produce;

import java.time.Instant;

/** What only the edge knows about a request, stamped on each of its records. */
public record RequestMeta(
        Instant receivedAt, String workspaceId, String sourceId, String ip, String userAgent, String path) {}
