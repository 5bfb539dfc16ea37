/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * HTTP surface: the ingest handler shared by every call endpoint, the analytics.js settings document and CORS;
 * health and metrics endpoints and the JSON error body {@code {"code", "message"}} come from the ops-http module.
 */
package dev.switchboard.tracking.http;
