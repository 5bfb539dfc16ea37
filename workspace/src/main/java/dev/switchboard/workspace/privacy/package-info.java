/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * PII controls (Segment's Privacy): detection of personal data in properties, traits and context by key
 * name and by value ({@link dev.switchboard.workspace.privacy.PiiCatalog}), in Segment's two classes
 * ({@link dev.switchboard.workspace.privacy.PiiClass}), and the rules of one route
 * ({@link dev.switchboard.workspace.privacy.RoutePrivacy}) that block, mask or hash it for that destination.
 * Compiled once per workspace version; pure, no I/O.
 */
package dev.switchboard.workspace.privacy;
