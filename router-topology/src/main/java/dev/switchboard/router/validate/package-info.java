/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Validate: Segment's required fields and field types per call (segment-spec §1.7, §2). In:
 * {@code Parsed}. Out: the same, with ids coerced to strings. Side output: {@code sb.rejected} with
 * Segment's discard code where one exists ({@code no_user_anon_id}, {@code event_not_defined}, ...)
 * and a reason a person can act on.
 */
package dev.switchboard.router.validate;
