/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The operations HTTP every role serves: {@link dev.switchboard.ops.OpsHandlers} ({@code /healthz},
 * {@code /readyz}, {@code /metrics}), mounted by the tracking API on its own port and by
 * {@link dev.switchboard.ops.OpsServer} for the roles without HTTP of their own, and
 * {@link dev.switchboard.ops.HttpReplies}, the JSON error body of every Switchboard HTTP server.
 */
package dev.switchboard.ops;
