/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Who is calling: the write key (HTTP Basic user, {@code X-Write-Key} header or body {@code writeKey}) and the client address (peer, or the first untrusted {@code X-Forwarded-For} hop behind trusted proxies).
 */
package dev.switchboard.tracking.auth;
