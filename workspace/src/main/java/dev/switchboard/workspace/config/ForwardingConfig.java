/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.workspace.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a tracking plan forwards what it found (Segment's Forwarding Settings): {@code source} is
 * another source of the workspace, whose connections and warehouse get the forwarded events.
 */
public record ForwardingConfig(@JsonProperty("source") String source) {}
