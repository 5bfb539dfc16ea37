/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Validate: Segment's required fields and field types per call (segment-spec §1.7, §2), as {@code dev.switchboard.calls.CallRules} states them for the tracking API too. In:
 * {@code Parsed}. Out: the same, normalized ({@code CallRules.normalize}: integral ids as strings, null ids removed, {@code type} lower-case). Side output: {@code sb.rejected} with
 * Segment's discard code where one exists ({@code no_user_anon_id}, {@code event_not_defined}, ...)
 * and a reason a person can act on.
 */
package dev.switchboard.router.validate;
