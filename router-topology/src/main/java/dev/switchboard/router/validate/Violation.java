/*
 * Copyright The Switchboard Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.switchboard.router.validate;

/** Why a call is invalid: Segment's discard code where one exists, and a reason for people. */
public record Violation(String code, String reason) {}
