/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * HTTP surface: routes, the ingest handler shared by every call endpoint, the analytics.js settings document, CORS, health and metrics endpoints, and the JSON error body {@code {"code", "message"}}.
 */
package dev.switchboard.tracking.http;
