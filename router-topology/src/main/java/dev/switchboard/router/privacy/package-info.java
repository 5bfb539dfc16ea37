/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * The privacy step, per route, between fan-out and map: each route's copy of an event as its
 * destination's privacy rules let it through (docs/workspace.md, "Privacy"). Input and output: routed
 * events. A route without rules passes its record on as it is (not looked at, not copied); a route whose
 * rules change nothing in an event passes it on as it is too; only a route whose rules change a field gets
 * its own copy, sharing every unchanged subtree. The archive and the other routes never see the change.
 */
package dev.switchboard.router.privacy;
