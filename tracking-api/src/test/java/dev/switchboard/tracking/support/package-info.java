/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Test support: a real embedded broker with the core topics and a published workspace, the tracking
 * API in front of it, an HTTP client, and readers of the topics it writes.
 */
package dev.switchboard.tracking.support;
